import { transferHandlers, type TransferHandler } from 'comlink';

/** What a coded error (src/sources/SourceError) carries besides name and message. */
export interface CodedErrorFields {
  code: string;
  params: Record<string, string | number | boolean>;
}

let installed = false;

/**
 * comlink rebuilds a thrown Error from its name, message and stack only (PLATFORM.md), which
 * would drop a SourceError's `code` and `params`: the page needs them to say the refusal in the
 * reader's language. This wraps comlink's own 'throw' handler so they travel too (plain strings
 * and numbers, structured-clone safe); its deserialiser already copies every field it is sent.
 * Installed by both ends (the worker APIs and the clients); idempotent.
 */
export function installCodedErrorTransfer(): void {
  if (installed) return;
  type Wire = { isError: boolean; value: Record<string, unknown> };
  const original = transferHandlers.get('throw') as TransferHandler<{ value: unknown }, Wire> | undefined;
  if (!original) return;
  installed = true;
  transferHandlers.set('throw', {
    canHandle: (value: unknown): value is { value: unknown } => original.canHandle(value),
    serialize(thrown: { value: unknown }): [Wire, Transferable[]] {
      const [wire, transferables] = original.serialize(thrown);
      const fields = codedFields(thrown.value);
      if (wire.isError && fields) wire.value = { ...wire.value, code: fields.code, params: { ...fields.params } };
      return [wire, transferables];
    },
    deserialize: (wire: Wire) => original.deserialize(wire),
  });
}

/** The code and parameters of an error that has them, else null. */
export function codedFields(err: unknown): CodedErrorFields | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, params } = err as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || typeof params !== 'object' || params === null) return null;
  return { code, params: params as CodedErrorFields['params'] };
}
