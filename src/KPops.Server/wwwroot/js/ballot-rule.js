// The round's ballot rule, checked as the fan picks. The same rule the server enforces (docs/server.md, ballot
// reason codes), so a fan learns what is wrong before sending; the server still decides.

/**
 * The problems with a set of picks, as { code, values } with the server's reason codes:
 * too-few-picks, too-many-picks, duplicate-pick, group-min, group-max, quota-exhausted, round-not-open.
 */
export function checkPicks(round, picks, ballotsLeft) {
  const problems = [];
  if (round.state !== "open") problems.push({ code: "round-not-open", values: [] });
  if (picks.length < round.minPicks) problems.push({ code: "too-few-picks", values: [round.minPicks] });
  if (picks.length > round.maxPicks) problems.push({ code: "too-many-picks", values: [round.maxPicks] });
  if (round.distinct && new Set(picks).size !== picks.length) problems.push({ code: "duplicate-pick", values: [] });
  for (const group of round.groups) {
    const count = picks.filter(id => round.trainees[id]?.group === group.group).length;
    if (count < group.min) problems.push({ code: "group-min", values: [group.min, group.name] });
    if (group.max !== null && group.max !== undefined && count > group.max) problems.push({ code: "group-max", values: [group.max, group.name] });
  }
  if (ballotsLeft <= 0) problems.push({ code: "quota-exhausted", values: [] });
  return problems;
}
