using KPops.Log;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Witnesses;

/// <summary>What a witness needs to run: where it keeps its key and state, and the logs it witnesses.</summary>
/// <param name="StateDirectory">Holds <c>witness.key</c> and the latest cosigned checkpoint of each log.</param>
/// <param name="Logs">Origin → the log's trusted verifier keys.</param>
/// <param name="Name">The witness's key name, used only when the key is created.</param>
public sealed record WitnessSettings(string StateDirectory, IReadOnlyDictionary<string, IReadOnlyList<NoteVerifier>> Logs, string? Name = null);

/// <summary>
/// A standalone witness web application (what <c>kpops witness</c> runs, and what tests start on 127.0.0.1): a
/// <see cref="CheckpointWitness"/> behind <see cref="WitnessApi"/>. It shares nothing with the KPops server but the
/// code: an independent party runs it on its own machine with its own key.
/// </summary>
public static class WitnessServer
{
    public static WebApplication Create(WitnessSettings settings, IEnumerable<string> urls, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(urls);
        if (settings.Logs.Count == 0)
        {
            throw new ArgumentException("A witness witnesses at least one log.", nameof(settings));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. urls]);
        // One line per decision (WitnessApi), not per request.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        CosignatureSigner signer = WitnessKeyFile.LoadOrCreate(settings.StateDirectory, settings.Name);
        builder.Services.AddSingleton(_ => signer); // a factory, so the container disposes the key with the app
        builder.Services.AddSingleton(new CheckpointWitness(signer, settings.Logs, new WitnessStateStore(settings.StateDirectory)));
        var app = builder.Build();
        app.MapWitnessApi();
        return app;
    }
}
