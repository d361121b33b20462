namespace KPops.Voting.Pipeline;

/// <summary>
/// Completes finished requests on thread-pool threads, so that callers' continuations never run on (and never
/// stall) the sequencer. A waiting caller's continuation runs inline in its completion — for a single ballot that is
/// the rest of the HTTP request: its receipt's proof, its JSON and its write — so a batch's completions are split
/// over up to one work item per core (at least <see cref="MinPerWorkItem"/> requests each): one work item for the
/// whole batch ran every receipt of it on one core while the other idled. Work items are pooled, so this allocates
/// nothing in steady state.
/// </summary>
internal sealed class CompletionDispatcher
{
    /// <summary>Fewer completions than this are not worth another thread's wake-up.</summary>
    private const int MinPerWorkItem = 8;

    private readonly RequestPool<Work> _pool = new(pool => new Work(pool), 64);
    private readonly int _maxWorkItems = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Takes the requests in <paramref name="finished"/> (and clears it) and completes them asynchronously.</summary>
    public void Dispatch(List<PipelineRequest> finished)
    {
        int count = finished.Count;
        if (count == 0)
        {
            return;
        }

        int items = Math.Clamp(count / MinPerWorkItem, 1, _maxWorkItems);
        int start = 0;
        for (int item = 0; item < items; item++)
        {
            // Contiguous, near-equal shares: the first count % items take one more.
            int share = (count / items) + (item < count % items ? 1 : 0);
            var work = _pool.Rent();
            work.Take(finished, start, share);
            start += share;
            ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
        }

        finished.Clear();
    }

    private sealed class Work(RequestPool<Work> pool) : IThreadPoolWorkItem
    {
        private readonly List<PipelineRequest> _requests = [];

        public void Take(List<PipelineRequest> finished, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                _requests.Add(finished[i]);
            }
        }

        public void Execute()
        {
            foreach (var request in _requests)
            {
                request.Complete();
            }

            _requests.Clear();
            pool.Return(this);
        }
    }
}
