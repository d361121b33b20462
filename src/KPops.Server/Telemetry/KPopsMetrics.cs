using System.Diagnostics.Metrics;

namespace KPops.Server.Telemetry;

/// <summary>
/// The ballot meters, exported on <c>/metrics</c> (Prometheus names in brackets). The ballot pipeline calls these
/// as ballots move through it; they count, they never carry trainee names or vote contents. Their totals tell a
/// round's turnout, which is embargoed like the counts, so <c>/metrics</c> is for producers only.
/// <list type="bullet">
/// <item><c>kpops.ballots.accepted</c> [kpops_ballots_accepted_total] — ballots appended to the log;</item>
/// <item><c>kpops.ballots.rejected</c> [kpops_ballots_rejected_total{reason}] — ballots refused, by reason code;</item>
/// <item><c>kpops.ballots.queue.depth</c> [kpops_ballots_queue_depth] — ballots waiting for the sequencer;</item>
/// <item><c>kpops.ballots.batch.size</c> [kpops_ballots_batch_size] — ballots per durable log commit;</item>
/// <item><c>kpops.ballots.receipt.duration</c> [kpops_ballots_receipt_duration_seconds] — from a ballot's arrival to its receipt.</item>
/// </list>
/// </summary>
public sealed class KPopsMetrics
{
    public const string MeterName = "KPops.Ballots";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _timeToReceipt;
    private Func<long> _queueDepth = static () => 0;

    public KPopsMetrics()
    {
        // A meter of its own, never disposed, rather than one from the host's IMeterFactory (disposed with the host):
        // OpenTelemetry .NET stops exporting every meter of a name once any meter of that name is disposed
        // (open-telemetry/opentelemetry-dotnet#6412), which test hosts started and stopped in one process tripped over.
        // A server process has one host, so this costs nothing there.
        var meter = new Meter(MeterName);
        _accepted = meter.CreateCounter<long>("kpops.ballots.accepted", "{ballot}", "Ballots appended to the log.");
        _rejected = meter.CreateCounter<long>("kpops.ballots.rejected", "{ballot}", "Ballots refused, by reason code.");
        _batchSize = meter.CreateHistogram<int>("kpops.ballots.batch.size", "{ballot}", "Ballots per durable log commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 8, 64, 256, 1024, 4096, 16384, 65536] });
        _timeToReceipt = meter.CreateHistogram<double>("kpops.ballots.receipt.duration", "s", "Time from a ballot's arrival to its receipt.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        meter.CreateObservableGauge("kpops.ballots.queue.depth", () => Volatile.Read(ref _queueDepth)(), "{ballot}",
            "Ballots waiting for the sequencer.");
    }

    public void BallotsAccepted(long count = 1) => _accepted.Add(count);

    /// <param name="reason">The rejection's reason code (the same code the client gets), e.g. <c>already_voted</c>.</param>
    /// <param name="count">How many ballots were rejected for that reason.</param>
    public void BallotRejected(string reason, long count = 1) =>
        _rejected.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void BatchCommitted(int size) => _batchSize.Record(size);

    public void ReceiptIssued(TimeSpan sinceArrival) => _timeToReceipt.Record(sinceArrival.TotalSeconds);

    /// <summary>Sets where the queue depth is read from when metrics are collected (the pipeline's queue).</summary>
    public void ObserveQueueDepth(Func<long> depth)
    {
        ArgumentNullException.ThrowIfNull(depth);
        Volatile.Write(ref _queueDepth, depth);
    }
}
