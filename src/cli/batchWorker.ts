import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { toResultCsv, toResultJson } from '../analysis/exportResult';
import { opencvDisplacement } from '../cv/opencvDisplacement';
import { analyzeFile } from './analyzeFile';
import type { BatchReply, BatchTask, BatchWorkerInit } from './batchProtocol';
import { loadClassifier } from './loadClassifier';
import { loadOpenCv } from './loadOpenCv';
import { summaryRow } from './summaryRow';

/**
 * One thread of the batch pool (runBatch.ts): OpenCV is loaded once per thread, then clips arrive
 * one at a time (with the classifier, also loaded once) and each is analysed exactly as the single-clip CLI does (analyzeFile).
 */
const port = parentPort;
if (!port) throw new Error('batchWorker.ts runs inside the batch pool (runBatch.ts), not on its own.');
const { settings } = workerData as BatchWorkerInit;
const hooksReady = Promise.all([loadOpenCv(), loadClassifier()]).then(([opencv, classifier]) => ({ displacement: opencv ? opencvDisplacement(opencv.cv) : undefined, classifier }));

port.on('message', (task: BatchTask) => {
  void run(task).then((reply) => port.postMessage(reply));
});

async function run(task: BatchTask): Promise<BatchReply> {
  try {
    const result = await analyzeFile(task.clip, settings, await hooksReady);
    if (task.jsonPath) writeFileSync(task.jsonPath, toResultJson(result));
    if (task.csvPath) writeFileSync(task.csvPath, toResultCsv(result));
    return { index: task.index, ok: true, row: summaryRow(result), durationS: result.input.durationS };
  } catch (err) {
    return { index: task.index, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
