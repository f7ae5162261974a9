/** The media events the views follow, the same names as HTMLMediaElement's. */
export const PLAYBACK_EVENTS = ['timeupdate', 'seeking', 'seeked', 'play', 'pause', 'ended', 'loadedmetadata', 'durationchange', 'emptied', 'ratechange'] as const;
export type PlaybackEvent = (typeof PLAYBACK_EVENTS)[number];

/**
 * What the timeline, the overlay, the region tool and the keyboard need of a player: the subset of
 * HTMLVideoElement that the canvas player implements too, so every view works for DICOM, AVI, GIF
 * and picture sequences as it does for MP4.
 */
export interface Playback {
  currentTime: number;
  /** Media seconds per wall-clock second (Speed: 0.25, 0.5, 1). */
  playbackRate: number;
  readonly duration: number;
  readonly paused: boolean;
  readonly ended: boolean;
  /** The clip's own size, px (0 until known); overlay coordinates are in these pixels. */
  readonly videoWidth: number;
  readonly videoHeight: number;
  /** The element showing the picture, for layout (letterboxed like object-fit: contain). */
  readonly element: HTMLElement;
  play(): Promise<void>;
  pause(): void;
  on(type: PlaybackEvent, listener: () => void): void;
}
