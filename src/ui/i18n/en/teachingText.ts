/** One step of the guided view: a heading, what to see, and what its button shows. */
export interface TeachingStep {
  title: string;
  paragraphs: readonly string[];
  show: string;
}

/** Teaching mode (issue 12): a short guided view of the demo pair for educators. */
export const teachingTextEn = {
  stepOf: (i: number, n: number, title: string) => `Step ${i} of ${n}: ${title}`,
  steps: [
    {
      title: 'Where to look',
      paragraphs: [
        'The picture is a lengthwise view of the calf. From the top: skin and fat, a bright line (the upper aponeurosis), the medial gastrocnemius with its slanting fibres, a second bright line (the deep aponeurosis), and the soleus below.',
        'Twitches happen inside the muscle, between and under the bright lines. The dashed box is the image region the analysis watched; the heat map colours where motion rose above the noise over the whole clip.',
      ],
      show: 'Show the heat map',
    },
    {
      title: 'What a twitch looks like',
      paragraphs: [
        'A fasciculation is one small patch of muscle, 5 to 10 mm across, that flickers once: it tightens in under a tenth of a second and relaxes within about half a second, while the muscle around it stays still.',
        'Twitches come at random places and at random times, never in a rhythm. At a quarter speed the flicker is easy to see: watch the ring.',
      ],
      show: 'Loop the first twitch at 0.25×',
    },
    {
      title: 'Not a twitch: breathing and probe movement',
      paragraphs: [
        'When the patient breathes or the probe shifts, the whole picture moves together, skin and fat too, slowly and for a second or more, and it comes back with every breath, every 3 to 5 seconds.',
        'On the timeline the motion energy rises across the whole trace at once. The detector calls this probe motion and does not count it. The demo calf lies still, so its clip has none: the sketch shows the difference.',
      ],
      show: 'Show the sketch',
    },
    {
      title: 'Not a twitch: pulsation',
      paragraphs: [
        'An artery beats with the heart: one round or tube-shaped spot, dark inside, swells at the same place about once a second (55 to 100 times a minute), evenly spaced.',
        'Four or more evenly spaced beats at one spot are called pulsation and are not counted. The small artery in the demo’s soleus stays still.',
      ],
      show: 'Show the sketch',
    },
    {
      title: 'Twitching against normal muscle',
      paragraphs: [
        'The baseline beside the clip is the same calf at rest, without twitches. With “Link players” on, both play together and every pause, seek and frame step moves both.',
        'Play both at half speed and compare: the clip flickers here and there while the baseline stays calm.',
      ],
      show: 'Play both at 0.5×',
    },
    {
      title: 'Step through the events',
      paragraphs: [
        'Press N for the next event and P for the previous one: both players jump to it, the ring on the picture shows where it happened, and the panel under the timeline says what the detector called it and how sure it was.',
        'Accept (A) or reject (R) each one, as a reviewer would; the count in the summary follows at once.',
      ],
      show: 'Go to the first event',
    },
  ] as readonly TeachingStep[],
  sketchLabel: 'Sketch of motion energy over time for a twitch, breathing and pulsation',
  sketchTwitch: 'Twitch: one sharp, brief rise at one spot',
  sketchBreathing: 'Breathing: the whole picture sways slowly',
  sketchPulsation: 'Pulsation: the same spot beats evenly',
  eventNow: (id: number, kind: string, timeS: string, percent: string) => `Now: event ${id} at ${timeS} s, ${kind} (the classifier gives ${percent} for a fasciculation).`,
  noEventYet: 'Press N to go to the first event.',
};
