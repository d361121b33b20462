using KPops.Server.Hosting;
using KPops.Server.Tests.Infrastructure;
using KPops.Server.Web.Reveal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

/// <summary>The broadcast reveal's progress is kept in the data directory, so a restart mid-broadcast resumes it.</summary>
public sealed class RevealCueFileTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kpops-reveal-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private RevealCueFile CueFile() =>
        new(new DataDirectory(Options.Create(new ServerOptions { DataDirectory = _data })), NullLogger<RevealCueFile>.Instance);

    [Fact]
    public async Task Reveal_progress_survives_a_server_restart_on_the_same_data_directory()
    {
        var settings = new Dictionary<string, string?> { ["KPops:DataDirectory"] = _data };
        await using (var first = await ServerFixture.StartAsync(settings))
        {
            var director = first.Services.GetRequiredService<RevealDirector>();
            director.Reset("ranking-2", RevealOrder.FirstSeatFirst);
            director.Step("ranking-2", 3, seatCount: 20);
            director.Step("ranking-1", 1, seatCount: 20);
            director.RevealAll("ranking-1", seatCount: 20);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await ServerFixture.StartAsync(settings);
        var resumed = second.Services.GetRequiredService<RevealDirector>();

        Assert.Equal(new RevealCue("ranking-2", 3, RevealOrder.FirstSeatFirst), resumed.Cue("ranking-2"));
        Assert.Equal(new RevealCue("ranking-1", 20, RevealOrder.LastSeatFirst), resumed.Cue("ranking-1"));
        Assert.Equal(new RevealCue("ranking-3", 0, RevealOrder.LastSeatFirst), resumed.Cue("ranking-3"));
    }

    [Fact]
    public void Each_step_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var director = new RevealDirector(CueFile());

        director.Step("ranking-1", 1, seatCount: 5);
        director.Step("ranking-1", 1, seatCount: 5);
        director.Step("ranking-1", -1, seatCount: 5);

        Assert.Equal(1, CueFile().Load()["ranking-1"].Revealed);
        Assert.Equal([RevealCueFile.FileName], Directory.GetFiles(_data).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("{\"version\":2,\"cues\":[]}")]
    [InlineData("{\"version\":1}")]
    [InlineData("{\"version\":1,\"cues\":[{\"announcementId\":\"ranking-1\",\"revealed\":3,\"order\":7}]}")]
    public void An_unreadable_file_starts_the_reveal_over_and_is_replaced_by_the_next_step(string content)
    {
        var file = CueFile();
        File.WriteAllText(file.Path, content);
        var director = new RevealDirector(file);

        Assert.Equal(0, director.Cue("ranking-1").Revealed);
        director.Step("ranking-1", 2, seatCount: 5);

        Assert.Equal(new RevealCue("ranking-1", 2, RevealOrder.LastSeatFirst), CueFile().Load()["ranking-1"]);
    }

    [Fact]
    public void Invalid_cues_in_the_file_are_skipped_and_the_valid_ones_kept()
    {
        var file = CueFile();
        File.WriteAllText(file.Path, """
            {"version":1,"cues":[
              {"announcementId":"ranking-1","revealed":-4,"order":"lastSeatFirst"},
              {"announcementId":"","revealed":1,"order":"lastSeatFirst"},
              null,
              {"announcementId":"ranking-2","revealed":4,"order":"firstSeatFirst"}
            ]}
            """);

        var cues = file.Load();

        Assert.Equal([new RevealCue("ranking-2", 4, RevealOrder.FirstSeatFirst)], cues.Values);
    }

    [Fact]
    public void A_disk_that_refuses_the_save_does_not_stop_the_reveal_on_air()
    {
        var file = CueFile();
        // A directory where the temporary file must go: every save fails as a full or read-only disk would.
        Directory.CreateDirectory(file.Path + ".tmp");
        var director = new RevealDirector(file);
        RevealCue? announced = null;
        director.Changed += cue => announced = cue;

        var cue = director.Step("ranking-1", 1, seatCount: 5);

        Assert.Equal(new RevealCue("ranking-1", 1, RevealOrder.LastSeatFirst), cue);
        Assert.Equal(cue, announced);
        Assert.Equal(cue, director.Cue("ranking-1"));
        Assert.False(File.Exists(file.Path));
    }
}
