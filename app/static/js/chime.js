// A soft chime synthesised with the Web Audio API: rising for talk, falling for a change.
let audio = null;

const NOTES = {
  talk: [659.25, 880],
  switch: [880, 659.25, 523.25],
  finished: [523.25, 659.25, 783.99, 1046.5],
};

/** Unlock sound; browsers allow it only from a user gesture. */
export function enableSound() {
  audio ??= new AudioContext();
  audio.resume();
}

/** Ring the chime of a phase, if sound is on and the phase has one. */
export function chime(phase) {
  const notes = NOTES[phase];
  if (!audio || !notes) return;
  notes.forEach((frequency, index) => bell(frequency, audio.currentTime + index * 0.28));
}

function bell(frequency, at) {
  const gain = audio.createGain();
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.6);
  gain.connect(audio.destination);
  for (const [ratio, level] of [[1, 1], [2.76, 0.25], [5.4, 0.08]]) {
    const partial = audio.createOscillator();
    const partialGain = audio.createGain();
    partial.frequency.value = frequency * ratio;
    partialGain.gain.value = level;
    partial.connect(partialGain).connect(gain);
    partial.start(at);
    partial.stop(at + 1.7);
  }
}
