using KPops.Server.Staff;
using Microsoft.AspNetCore.SignalR;

namespace KPops.Server.Live;

/// <summary>
/// <c>/hubs/live</c>: producers receive a <c>counts</c> message with a <see cref="LiveCountsSnapshot"/> once a second
/// (<see cref="LiveCountFeed"/>), and the latest one as soon as they connect. The endpoint requires the producer
/// policy; the hub checks the role again when a connection starts, so that only producers ever join the group the
/// counts go to.
/// </summary>
public sealed class LiveCountsHub(LiveCountFeed feed) : Hub
{
    public const string Route = "/hubs/live";

    /// <summary>The client method the snapshots are sent to.</summary>
    public const string CountsMethod = "counts";

    internal const string ProducersGroup = "producers";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.IsInRole(StaffRoles.Producer) != true)
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, ProducersGroup);
        if (feed.Current is { } current)
        {
            await Clients.Caller.SendAsync(CountsMethod, current);
        }

        await base.OnConnectedAsync();
    }
}
