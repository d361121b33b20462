using KPops.Fuzz.Targets;

namespace KPops.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new EntryTarget(),
        new BundleTarget(),
        new TilePathTarget(),
        new CheckpointTarget(),
        new SignedNoteTarget(),
        new VerifierKeyTarget(),
        new TileLogTarget(),
        new SeasonFileTarget(),
        new BallotJsonTarget(),
        new ReceiptTarget(),
        new RecountTarget(),
    ];

    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
