using System.Net;
using System.Net.Http.Json;
using KPops.Server.Operations;
using KPops.Server.Tests.Infrastructure;

namespace KPops.Server.Tests;

/// <summary>Grades and forensics on the fixture's own season (it has a grade evaluation and a quantum mission).</summary>
public abstract partial class EmbargoTests<TFixture>
{
    [Fact]
    public async Task Mentors_enter_each_grade_once_and_producers_may_not_grade()
    {
        var ct = TestContext.Current.CancellationToken;
        await Fixture.SetUpAsync();
        string grades = $"/api/evaluations/{OperationsFixture.LevelEvaluation}/grades";

        using var entered = await Fixture.As(Role.Mentor).PostAsJsonAsync(grades, new { traineeId = "t050", grade = "b" }, ct);
        var body = (await entered.Content.ReadFromJsonAsync<EvaluationEntryResponse>(ct))!;

        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        Assert.Equal(("t050", "B", 2000L, "GradeEntered"), (body.TraineeId, body.Result, body.Value, body.Entry));
        await AssertProblemAsync(await Fixture.As(Role.Mentor).PostAsJsonAsync(grades, new { traineeId = "t050", grade = "A" }, ct),
            HttpStatusCode.Conflict, "result_already_recorded");
        await AssertProblemAsync(await Fixture.As(Role.Mentor).PostAsJsonAsync(grades, new { traineeId = "t051", grade = "G" }, ct),
            HttpStatusCode.BadRequest, "invalid_grade");
        await AssertProblemAsync(await Fixture.As(Role.Mentor).PostAsJsonAsync(grades, new { traineeId = "nobody", grade = "A" }, ct),
            HttpStatusCode.BadRequest, "unknown_trainee");
        await AssertProblemAsync(await Fixture.As(Role.Producer).PostAsJsonAsync(
            $"/api/evaluations/{OperationsFixture.LevelEvaluation}/results", new { traineeId = "t051", result = "A" }, ct),
            HttpStatusCode.BadRequest, "evaluation_kind_mismatch");
        using var producerGrading = await Fixture.As(Role.Producer).PostAsJsonAsync(grades, new { traineeId = "t051", grade = "A" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, producerGrading.StatusCode);
    }

    [Fact]
    public async Task Figures_forensics_warns_about_are_published_only_when_acknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        await Fixture.SetUpAsync();
        var producer = Fixture.As(Role.Producer);
        for (int k = 1; k <= 20; k++)
        {
            using var awarded = await producer.PostAsJsonAsync($"/api/evaluations/{OperationsFixture.QuantumEvaluation}/results",
                new { traineeId = $"t{k + 60:000}", result = $"k{k}" }, ct);
            Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        }

        string announcement = $"/api/announcements/{OperationsFixture.QuantumAnnouncement}";
        var preview = (await producer.GetFromJsonAsync<AnnouncementPreview>($"{announcement}/preview", ct))!;

        Assert.Contains(preview.Forensics, finding => finding.Severity == "warning");
        Assert.Contains(preview.Checks, check => check is { Code: "forensic-warnings", Blocking: false });
        Assert.True(preview.CanPublish);
        Assert.Equal((20 * OperationsFixture.Quantum, "t080"), (preview.Rows[0].Score, preview.Rows[0].TraineeId));
        await AssertProblemAsync(await producer.PostAsJsonAsync($"{announcement}/publish", new { }, ct),
            HttpStatusCode.Conflict, "forensic_warnings_unacknowledged");
        using var published = await producer.PostAsJsonAsync($"{announcement}/publish", new { acknowledgeWarnings = true }, ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var shown = (await Fixture.As(Role.Anonymous).GetFromJsonAsync<PublishedAnnouncement>(announcement, ct))!;
        Assert.Equal(preview.Rows.Select(r => (r.TraineeId, r.Score)), shown.Rows.Select(r => (r.TraineeId, r.Score)));
    }
}
