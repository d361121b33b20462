using KPops.Server.Tests.Infrastructure;

namespace KPops.Server.Tests;

/// <summary>
/// Every endpoint × every role → the status it must answer. A new endpoint is either listed here or in
/// <see cref="Public"/>; <c>Every_endpoint_is_classified_for_authorization</c> fails otherwise.
/// </summary>
public static class AuthorizationMatrix
{
    private const int Ok = 200;
    private const int Created = 201;
    private const int NoContent = 204;
    private const int BadRequest = 400;
    private const int Unauthorized = 401;
    private const int Forbidden = 403;
    private const int NotFound = 404;
    private const int MethodNotAllowed = 405;

    /// <summary>web: console and reveal — console pages redirect browsers to sign in or to the access-denied page.</summary>
    private const int Found = 302;

    /// <summary>
    /// A request of the matrix; <c>{season}</c> in a body is replaced by a fresh valid season file. A voter token
    /// authenticates only as a voter: everywhere else it is no credential at all (401).
    /// </summary>
    public sealed record Row(string Method, string Route, string Path, string? Body, int Anonymous, int Fan, int Mentor, int Producer, int Auditor, int Voter = Unauthorized)
    {
        public int Expected(Role role) => role switch
        {
            Role.Anonymous => Anonymous,
            Role.Fan => Fan,
            Role.Mentor => Mentor,
            Role.Producer => Producer,
            Role.Auditor => Auditor,
            Role.Voter => Voter,
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
    }

    public const string SeasonBody = "{season}";

    private const string BallotBody = """{"picks":["t001"],"nonce":1}""";

    private const string ExtendBody = """{"reason":"storm delayed the broadcast","closesAt":"2099-01-01T00:00:00Z"}""";

    public static IReadOnlyList<Row> Staff { get; } =
    [
        //  method  route (as mapped)                 path                                body                        anon          fan        mentor     producer   auditor
        new("GET", "/api/staff/me", "/api/staff/me", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        new("GET", "/api/staff/", "/api/staff/", null, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        new("GET", "/api/staff/antiforgery", "/api/staff/antiforgery", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        new("POST", "/api/staff/logout", "/api/staff/logout", null, Unauthorized, Forbidden, NoContent, NoContent, NoContent),
        new("POST", "/api/staff/me/two-factor", "/api/staff/me/two-factor", null, Unauthorized, Forbidden, Ok, Ok, Ok),
        new("POST", "/api/staff/me/two-factor/confirm", "/api/staff/me/two-factor/confirm", """{"code":"000000"}""", Unauthorized, Forbidden, BadRequest, BadRequest, BadRequest),
        new("POST", "/api/seasons/", "/api/seasons/", SeasonBody, Unauthorized, Forbidden, Forbidden, Created, Forbidden),
        // A round no season has: the producer gets through to round_not_found, whichever season the log defines.
        new("POST", "/api/rounds/{roundId}/open", "/api/rounds/no-such-round/open", null, Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("POST", "/api/rounds/{roundId}/close", "/api/rounds/no-such-round/close", null, Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("POST", "/api/rounds/{roundId}/ballots", "/api/rounds/no-such-round/ballots", BallotBody, Unauthorized, NotFound, Forbidden, Forbidden, Forbidden, Voter: NotFound),
        new("POST", "/api/rounds/{roundId}/extend", "/api/rounds/no-such-round/extend", ExtendBody, Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),

        // Season operations: evaluation results (producers), grades (mentors only), announcement preview/publish
        // (producers) and the live counts hub (producers). Unknown ids: whoever gets through meets a 404.
        new("POST", "/api/evaluations/{evaluationId}/results", "/api/evaluations/no-such-evaluation/results", """{"traineeId":"t001","result":"win"}""", Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("POST", "/api/evaluations/{evaluationId}/grades", "/api/evaluations/no-such-evaluation/grades", """{"traineeId":"t001","grade":"A"}""", Unauthorized, Forbidden, NotFound, Forbidden, Forbidden),
        new("GET", "/api/announcements/{announcementId}/preview", "/api/announcements/no-such-announcement/preview", null, Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("POST", "/api/announcements/{announcementId}/publish", "/api/announcements/no-such-announcement/publish", "{}", Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("GET", "/hubs/live/negotiate", "/hubs/live/negotiate?negotiateVersion=1", null, Unauthorized, Forbidden, Forbidden, MethodNotAllowed, Forbidden),
        new("GET", "/hubs/live", "/hubs/live", null, Unauthorized, Forbidden, Forbidden, BadRequest, Forbidden),

        // Integrity: alert review (auditors read, producers decide) and the voters' proof-of-work challenge.
        new("GET", "/api/integrity/alerts/", "/api/integrity/alerts/", null, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        // The ballot meters count ballots: producers only, like the live counts.
        new("GET", "/metrics", "/metrics", null, Unauthorized, Forbidden, Forbidden, Ok, Forbidden),
        new("POST", "/api/integrity/alerts/{alertId}/quarantine", "/api/integrity/alerts/no-such-alert/quarantine", """{"reason":"automation","note":"matrix"}""", Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("POST", "/api/integrity/alerts/{alertId}/dismiss", "/api/integrity/alerts/no-such-alert/dismiss", """{"note":"matrix"}""", Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("GET", "/api/rounds/{roundId}/challenge", "/api/rounds/no-such-round/challenge", null, Unauthorized, NotFound, Forbidden, Forbidden, Forbidden, Voter: NotFound),
        // Partners: rows for partner keys and the signed batch endpoint (no signature: 401 for every role).
        new("POST", "/api/partners/", "/api/partners/", """{"name":"matrix partner"}""", Unauthorized, Forbidden, Forbidden, Created, Forbidden),
        new("GET", "/api/partners/", "/api/partners/", null, Unauthorized, Forbidden, Forbidden, Ok, Ok),
        new("DELETE", "/api/partners/{keyId}", "/api/partners/pk_00000000000000000000", null, Unauthorized, Forbidden, Forbidden, NotFound, Forbidden),
        new("POST", "/api/partner/rounds/{roundId}/ballots", "/api/partner/rounds/no-such-round/ballots", """{"ballots":[]}""", Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized),
        // end Partners
        // web: console and reveal — console pages (Blazor; GET renders, POST is Blazor form handling, which needs the
        // anti-forgery token). Not signed in, or a role the page's policy does not admit: a redirect (302) to the
        // sign-in or the access-denied page, never the page. Mentors: the console home and grading only.
        new("GET", "/console", "/console", null, Found, Found, Ok, Ok, Ok, Voter: Found),
        new("POST", "/console", "/console", null, Found, Found, BadRequest, BadRequest, BadRequest, Voter: Found),
        new("GET", "/console/season", "/console/season", null, Found, Found, Found, Ok, Found, Voter: Found),
        new("POST", "/console/season", "/console/season", null, Found, Found, Found, BadRequest, Found, Voter: Found),
        new("GET", "/console/rounds", "/console/rounds", null, Found, Found, Found, Ok, Found, Voter: Found),
        new("POST", "/console/rounds", "/console/rounds", null, Found, Found, Found, BadRequest, Found, Voter: Found),
        new("GET", "/console/live", "/console/live", null, Found, Found, Found, Ok, Found, Voter: Found),
        new("POST", "/console/live", "/console/live", null, Found, Found, Found, BadRequest, Found, Voter: Found),
        new("GET", "/console/announcements", "/console/announcements", null, Found, Found, Found, Ok, Found, Voter: Found),
        new("POST", "/console/announcements", "/console/announcements", null, Found, Found, Found, BadRequest, Found, Voter: Found),
        new("GET", "/console/benefits", "/console/benefits", null, Found, Found, Found, Ok, Found, Voter: Found),
        new("POST", "/console/benefits", "/console/benefits", null, Found, Found, Found, BadRequest, Found, Voter: Found),
        new("GET", "/console/reveal", "/console/reveal", null, Found, Found, Found, Ok, Found, Voter: Found),
        new("POST", "/console/reveal", "/console/reveal", null, Found, Found, Found, BadRequest, Found, Voter: Found),
        new("GET", "/console/integrity", "/console/integrity", null, Found, Found, Found, Ok, Ok, Voter: Found),
        new("POST", "/console/integrity", "/console/integrity", null, Found, Found, Found, BadRequest, BadRequest, Voter: Found),
        new("GET", "/console/grading", "/console/grading", null, Found, Found, Ok, Found, Found, Voter: Found),
        new("POST", "/console/grading", "/console/grading", null, Found, Found, BadRequest, Found, Found, Voter: Found),
        // end web: console and reveal
    ];

    /// <summary>Endpoints anyone may call, by design: sign-in, fan sign-up, public season formats, the log, health, docs, metrics.</summary>
    public static IReadOnlyList<string> Public { get; } =
    [
        "POST /api/staff/login",
        "POST /api/staff/refresh",
        "POST /api/fans/codes",
        "POST /api/fans/verify",
        "GET /api/seasons/",
        "GET /api/seasons/{id}",
        "GET /api/receipts/{index:long}",
        "GET /log/checkpoint",
        "GET /log/tile/{**path}",
        "GET /log/key",
        "GET /health",
        "GET /openapi/{documentName}.json",
        "GET /scalar/{documentName?}",
        "GET /scalar/scalar.js",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/favicon.svg",
        // Season operations: published announcements only (404 announcement_not_published before).
        "GET /api/announcements/",
        "GET /api/announcements/{announcementId}",
        // Partners: public to ASP.NET Core authorization; authenticated by its HMAC signature (rows above).
        "POST /api/partner/rounds/{roundId}/ballots",
        // end Partners
        "GET " + ServerFixture.ThrowingPath,
        // web: fan site — server-rendered pages anyone may open (GET, and POST for Blazor's form handling, which these
        // pages do not use), and Blazor's own endpoints: the opaque redirect and the interactive console's circuit hub.
        "GET /",
        "POST /",
        "GET /trainees",
        "POST /trainees",
        "GET /trainees/{Id}",
        "POST /trainees/{Id}",
        "GET /vote",
        "POST /vote",
        "GET /vote/{RoundId}",
        "POST /vote/{RoundId}",
        "GET /pyramid",
        "POST /pyramid",
        "GET /pyramid/{AnnouncementId}",
        "POST /pyramid/{AnnouncementId}",
        "GET /sign-in",
        "POST /sign-in",
        "GET /my-ballots",
        "POST /my-ballots",
        "GET /_framework/opaque-redirect",
        "GET /_blazor/negotiate",
        "GET /_blazor",
        "GET /_blazor/disconnect/",
        "GET /_blazor/initializers/",
        // end web: fan site
        // web: console and reveal — the sign-in and access-denied pages, the sign-in/sign-out form endpoints (they
        // check the anti-forgery token), and the broadcast reveal, which only ever shows published rankings.
        "GET /console/signin",
        "POST /console/signin",
        "GET /console/denied",
        "POST /console/denied",
        "POST /console/account/signin",
        "POST /console/account/signout",
        "GET /reveal/{AnnouncementId}",
        "POST /reveal/{AnnouncementId}",
        // end web: console and reveal
    ];

    public static TheoryData<string, string, Role> Cases()
    {
        var data = new TheoryData<string, string, Role>();
        foreach (Row row in Staff)
        {
            foreach (Role role in Enum.GetValues<Role>())
            {
                data.Add(row.Method, row.Route, role);
            }
        }

        return data;
    }

    public static Row Find(string method, string route) => Staff.Single(row => row.Method == method && row.Route == route);
}
