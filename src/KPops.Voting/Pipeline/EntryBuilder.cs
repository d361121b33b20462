using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// Makes a non-ballot entry from the live state at the entry's turn in the log (on the sequencer, so the state is
/// exactly the log before it), or says why there is none: e.g. an announcement whose ranking must be the one the
/// log's counts give at that very position. Returns null with <paramref name="refusal"/> set to refuse.
/// </summary>
public delegate LogEntry? EntryBuilder(VotingState state, out string? refusal);
