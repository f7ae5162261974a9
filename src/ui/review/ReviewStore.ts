import type { AnalysisResult } from '../../analysis/AnalysisResult';
import type { ReviewSnapshot } from '../../review/ReviewState';

/** What is kept per clip, under its content hash: the analysis reviewed and the review itself. */
export interface StoredReview {
  clipSha256: string;
  result: AnalysisResult;
  review: ReviewSnapshot;
  savedAt: string;
}

const DB_NAME = 'twitchscope';
const DB_VERSION = 1;
/** Results are written once per analysis; reviews on every change (small records). */
const RESULTS = 'results';
const REVIEWS = 'reviews';

/**
 * Reviews saved in this browser (IndexedDB, this origin only: nothing leaves the device), keyed
 * by the clip's content hash and never its name. A browser that refuses storage (private mode,
 * quota) leaves the review working for this visit; `available` says so.
 */
export class ReviewStore {
  private db: Promise<IDBDatabase | null> | null = null;

  async get(clipSha256: string): Promise<StoredReview | null> {
    const db = await this.open();
    if (!db) return null;
    const tx = db.transaction([RESULTS, REVIEWS], 'readonly');
    const [result, review] = await Promise.all([
      request<{ clipSha256: string; result: AnalysisResult } | undefined>(tx.objectStore(RESULTS).get(clipSha256)),
      request<{ clipSha256: string; review: ReviewSnapshot; savedAt: string } | undefined>(tx.objectStore(REVIEWS).get(clipSha256)),
    ]);
    if (!result || !review) return null;
    return { clipSha256, result: result.result, review: review.review, savedAt: review.savedAt };
  }

  /** Save the analysis a review refers to (once per analysis). */
  async putResult(clipSha256: string, result: AnalysisResult): Promise<void> {
    const db = await this.open();
    if (!db) return;
    const tx = db.transaction(RESULTS, 'readwrite');
    tx.objectStore(RESULTS).put({ clipSha256, result });
    await done(tx);
  }

  async putReview(clipSha256: string, review: ReviewSnapshot, savedAt: string): Promise<void> {
    const db = await this.open();
    if (!db) return;
    const tx = db.transaction(REVIEWS, 'readwrite');
    tx.objectStore(REVIEWS).put({ clipSha256, review, savedAt });
    await done(tx);
  }

  /** Forget the clip's review and the analysis kept with it. */
  async forget(clipSha256: string): Promise<void> {
    const db = await this.open();
    if (!db) return;
    const tx = db.transaction([RESULTS, REVIEWS], 'readwrite');
    tx.objectStore(RESULTS).delete(clipSha256);
    tx.objectStore(REVIEWS).delete(clipSha256);
    await done(tx);
  }

  private open(): Promise<IDBDatabase | null> {
    this.db ??= new Promise((resolve) => {
      let req: IDBOpenDBRequest;
      try {
        req = indexedDB.open(DB_NAME, DB_VERSION);
      } catch {
        resolve(null);
        return;
      }
      req.onupgradeneeded = () => {
        for (const name of [RESULTS, REVIEWS]) {
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'clipSha256' });
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    });
    return this.db;
  }
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
