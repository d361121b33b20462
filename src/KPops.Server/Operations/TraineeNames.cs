using KPops.Format;
using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Voting.Ballots;

namespace KPops.Server.Operations;

/// <summary>How rows name trainees and statuses: the Hangul name, and the trainee's English name or romanization.</summary>
internal static class TraineeNames
{
    public static (string Ko, string En) Of(CompiledSeason season, string traineeId)
    {
        if (!season.TryGetTrainee(traineeId, out int index))
        {
            return (traineeId, traineeId);
        }

        Trainee trainee = season.Season.Trainees[index];
        return (trainee.Hangul, trainee.EnglishName ?? Romanizer.DisplayRomanized(trainee));
    }

    /// <summary>The status as the season format spells it: <c>survived</c>, <c>eliminated</c>, <c>specialSeat</c>.</summary>
    public static string Status(SeatStatus status) => status switch
    {
        SeatStatus.Survived => "survived",
        SeatStatus.Eliminated => "eliminated",
        _ => "specialSeat",
    };
}
