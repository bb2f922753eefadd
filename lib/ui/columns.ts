/**
 * Where to split a list of cards, kept in order, into two columns of about the same height:
 * the index of the first card of the second column. `weights` are the cards' heights (any unit).
 * With two or more cards each column gets at least one; ties go to the earlier split, so the
 * first column is never the taller by choice.
 */
export function splitInTwo(weights: readonly number[]): number {
  if (weights.length < 2) return weights.length;
  const total = weights.reduce((s, w) => s + w, 0);
  let best = 1;
  let bestGap = Infinity;
  let before = 0;
  for (let i = 1; i < weights.length; i++) {
    before += weights[i - 1];
    const gap = Math.abs(before - (total - before));
    if (gap < bestGap) {
      best = i;
      bestGap = gap;
    }
  }
  return best;
}
