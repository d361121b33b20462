using KPops.Format.Model;
using KPops.Format.Validation;
using Xunit;

namespace KPops.Format.Tests.Validation;

internal static class ValidationAssert
{
    /// <summary>Asserts the season's errors are exactly these, as <c>path: message</c> strings, in order.</summary>
    public static void Errors(Season season, params string[] expected) =>
        Assert.Equal(expected, SeasonValidator.Validate(season).Select(e => e.ToString()));
}
