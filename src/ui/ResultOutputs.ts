import type { AnalysisResult } from '../analysis/AnalysisResult';
import { toResultCsv, toResultJson } from '../analysis/exportResult';
import { byId } from './dom';
import { downloadBlob, downloadText } from './downloadText';
import { exportFileName } from './exportFileName';
import { drawTimelinePicture } from './report/drawTimelinePicture';
import type { ReportData } from './report/renderReport';
import { ReportView } from './report/ReportView';
import type { ReviewController } from './review/ReviewController';

/**
 * What leaves the page, all made on the device: Export JSON and CSV (with the review), Save
 * timeline as PNG, and Print report. Each reads the result and the review as they are now.
 */
export class ResultOutputs {
  readonly report: ReportView;
  private readonly buttons = ['export-json', 'export-csv', 'save-timeline', 'print-report'].map((id) => byId(id, HTMLButtonElement));

  constructor(
    private readonly review: ReviewController,
    private readonly result: () => AnalysisResult | null,
  ) {
    this.report = new ReportView((showFileName) => this.reportData(showFileName));
    const [json, csv, png, print] = this.buttons;
    json.addEventListener('click', () => this.export('json'));
    csv.addEventListener('click', () => this.export('csv'));
    png.addEventListener('click', () => this.saveTimeline());
    print.addEventListener('click', () => this.report.open(print));
  }

  setDisabled(disabled: boolean): void {
    for (const b of this.buttons) b.disabled = disabled;
  }

  /** After a review change: an open report follows it. */
  refresh(): void {
    if (this.report.isOpen) this.report.render();
  }

  private export(kind: 'json' | 'csv'): void {
    const result = this.result();
    if (!result) return;
    const review = this.review.forExport();
    if (kind === 'json') downloadText(toResultJson(result, review), exportFileName('json'), 'application/json');
    else downloadText(toResultCsv(result, review), exportFileName('csv'), 'text/csv');
  }

  private timelineCanvas(): HTMLCanvasElement | null {
    const result = this.result();
    const { session } = this.review;
    return result ? drawTimelinePicture(result, session.events(), (e) => session.reviewOf(e)) : null;
  }

  private saveTimeline(): void {
    this.timelineCanvas()?.toBlob((blob) => {
      if (blob) downloadBlob(blob, exportFileName('png', new Date(), 'timeline'));
    }, 'image/png');
  }

  private reportData(showFileName: boolean): ReportData | null {
    const { session } = this.review;
    const result = this.result();
    const reviewed = session.summary();
    const picture = this.timelineCanvas();
    if (!result || !reviewed || !picture) return null;
    return {
      result,
      reviewed,
      events: session.events(),
      reviewOf: (e) => session.reviewOf(e),
      note: session.state.note,
      reviewedAt: session.state.changedAt,
      clipSha256: session.clipSha256,
      showFileName,
      timelinePng: picture.toDataURL('image/png'),
      printedAt: new Date(),
    };
  }
}
