namespace KPops.Voting.Pipeline;

/// <summary>
/// Completes finished requests on a thread-pool thread, so that callers' continuations never run on (and never
/// stall) the sequencer. One pooled work item per hand-off — per batch, not per ballot — so this allocates
/// nothing in steady state.
/// </summary>
internal sealed class CompletionDispatcher
{
    private readonly RequestPool<Work> _pool = new(pool => new Work(pool), 64);

    /// <summary>Takes the requests in <paramref name="finished"/> (and clears it) and completes them asynchronously.</summary>
    public void Dispatch(List<PipelineRequest> finished)
    {
        if (finished.Count == 0)
        {
            return;
        }

        var work = _pool.Rent();
        work.Take(finished);
        ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
    }

    private sealed class Work(RequestPool<Work> pool) : IThreadPoolWorkItem
    {
        private readonly List<PipelineRequest> _requests = [];

        public void Take(List<PipelineRequest> finished)
        {
            _requests.AddRange(finished);
            finished.Clear();
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
