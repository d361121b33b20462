using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class FancamRulesTests
{
    private const string YouTube = "https://www.youtube.com/watch?v=Qp3vY7nXc2A";

    private static Season WithFancams(params Fancam[] fancams) =>
        Valid() with { Trainees = [Trainee("t1") with { Fancams = fancams }], Rounds = [], Announcements = [] };

    private static Fancam Link(string url) => new() { Url = url };

    [Fact]
    public void Https_links_with_and_without_titles_are_valid() =>
        ValidationAssert.Errors(WithFancams(
            Link(YouTube) with { Title = new LocalizedText("'난 빛나' 직캠", "'Here I Am' fancam") },
            Link("https://youtu.be/hT8mW1kRz0s?t=42"),
            Link("HTTPS://WWW.YOUTUBE.COM/watch?v=Lw5bN9cFj4E")));

    [Fact]
    public void A_trainee_without_fancams_is_valid() =>
        ValidationAssert.Errors(WithFancams() with { Trainees = [Trainee("t1")] });

    [Theory]
    [InlineData("http://www.youtube.com/watch?v=Qp3vY7nXc2A")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/trainees/t1")]
    [InlineData("www.youtube.com/watch?v=Qp3vY7nXc2A")]
    [InlineData("https:www.youtube.com")]
    [InlineData("https://")]
    [InlineData("https://www.youtube.com/watch?v=a b")]
    [InlineData(" https://www.youtube.com/watch?v=Qp3vY7nXc2A")]
    [InlineData("ftp://files.example/fancam.mp4")]
    public void Only_absolute_https_urls_are_accepted(string url) =>
        ValidationAssert.Errors(WithFancams(Link(url)),
            $"trainees[0].fancams[0].url: \"{url}\" must be an absolute https:// URL, e.g. https://www.youtube.com/watch?v=…");

    [Fact]
    public void A_url_that_hides_its_host_behind_a_user_name_is_refused() =>
        ValidationAssert.Errors(WithFancams(Link("https://www.youtube.com@evil.example/watch")),
            "trainees[0].fancams[0].url: \"https://www.youtube.com@evil.example/watch\" must not contain a user name or password");

    [Fact]
    public void An_empty_url_is_refused() =>
        ValidationAssert.Errors(WithFancams(Link("")), "trainees[0].fancams[0].url: must not be empty");

    [Fact]
    public void A_url_longer_than_the_limit_is_refused() =>
        ValidationAssert.Errors(WithFancams(Link("https://www.youtube.com/watch?v=" + new string('a', 2048))),
            "trainees[0].fancams[0].url: must be at most 2048 characters");

    [Fact]
    public void The_same_link_twice_is_reported_where_it_repeats() =>
        ValidationAssert.Errors(WithFancams(Link(YouTube), Link("https://youtu.be/hT8mW1kRz0s"), Link(YouTube)),
            $"trainees[0].fancams[2].url: duplicate url \"{YouTube}\", first used at trainees[0].fancams[0]");

    [Fact]
    public void More_than_twenty_fancams_are_refused()
    {
        var fancams = Enumerable.Range(0, 21).Select(i => Link($"https://www.youtube.com/watch?v=video{i:00}")).ToArray();
        ValidationAssert.Errors(WithFancams(fancams), "trainees[0].fancams: at most 20 fancams per trainee; this one lists 21");
    }

    [Fact]
    public void A_title_needs_both_languages_within_the_length_limit() =>
        ValidationAssert.Errors(
            WithFancams(
                Link(YouTube) with { Title = new LocalizedText("직캠", "") },
                Link("https://youtu.be/hT8mW1kRz0s") with { Title = new LocalizedText(new string('가', 201), "Fancam") }),
            "trainees[0].fancams[0].title.en: must not be empty",
            "trainees[0].fancams[1].title.ko: must be at most 200 characters");

    [Fact]
    public void A_null_fancam_is_reported_at_its_index() =>
        ValidationAssert.Errors(WithFancams(Link(YouTube), null!), "trainees[0].fancams[1]: must not be null");
}
