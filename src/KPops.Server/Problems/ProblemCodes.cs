namespace KPops.Server.Problems;

/// <summary>
/// The stable error codes every failure carries in the <c>code</c> extension of its RFC 7807 problem details.
/// Clients branch on these, never on titles or details, so a code once published is never renamed.
/// </summary>
public static class ProblemCodes
{
    public const string BadRequest = "bad_request";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string InternalError = "internal_error";
    public const string Unavailable = "unavailable";

    public const string InvalidCredentials = "invalid_credentials";
    public const string LockedOut = "locked_out";
    public const string TwoFactorRequired = "two_factor_required";
    public const string TwoFactorInvalidCode = "two_factor_invalid_code";
    public const string TwoFactorAlreadyEnabled = "two_factor_already_enabled";
    public const string AntiforgeryFailed = "antiforgery_failed";

    public const string SeasonInvalid = "season_invalid";
    public const string SeasonExists = "season_exists";
    public const string SeasonNotFound = "season_not_found";

    public const string TileNotFound = "tile_not_found";

    public const string RoundNotFound = "round_not_found";
    public const string RoundStateConflict = "round_state_conflict";
    public const string ReceiptNotFound = "receipt_not_found";

    public const string CodeInvalid = "code_invalid";
    public const string CodeExpired = "code_expired";
    public const string TooManyAttempts = "too_many_attempts";

    // Season operations: evaluation results, mentor grades, announcements (Operations/).
    public const string EvaluationNotFound = "evaluation_not_found";
    public const string EvaluationKindMismatch = "evaluation_kind_mismatch";
    public const string UnknownTrainee = "unknown_trainee";
    public const string UnknownResult = "unknown_result";
    public const string UnknownSegment = "unknown_segment";
    public const string ResultValueMismatch = "result_value_mismatch";
    public const string InvalidGrade = "invalid_grade";
    public const string ResultAlreadyRecorded = "result_already_recorded";
    public const string AnnouncementNotFound = "announcement_not_found";
    public const string AnnouncementNotPublished = "announcement_not_published";
    public const string AnnouncementAlreadyPublished = "announcement_already_published";
    public const string AnnouncementRoundOpen = "announcement_round_open";
    public const string AnnouncementNotReady = "announcement_not_ready";
    public const string AnnouncementChanged = "announcement_changed";
    public const string ForensicWarningsUnacknowledged = "forensic_warnings_unacknowledged";

    // Partners: partner keys and signed ballot batches (Partners/).
    public const string PartnerKeyNotFound = "partner_key_not_found";
    public const string SignatureInvalid = "signature_invalid";
    public const string TimestampOutOfRange = "timestamp_out_of_range";
    public const string IdempotencyKeyRequired = "idempotency_key_required";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyInProgress = "idempotency_key_in_progress";

    // Integrity (anti-abuse gates on the ballot route, alert review).
    public const string PowRequired = "pow_required";
    public const string PowInvalid = "pow_invalid";
    public const string CaptchaRequired = "captcha_required";
    public const string CaptchaInvalid = "captcha_invalid";
    public const string CaptchaUnavailable = "captcha_unavailable";
    public const string AlertNotFound = "alert_not_found";
    public const string AlertDecided = "alert_decided";

    // Witnesses (the tlog-witness add-checkpoint endpoint of `kpops witness`).
    public const string WitnessBadRequest = "witness_bad_request";
    public const string WitnessForbidden = "witness_forbidden";
    public const string WitnessUnknownLog = "witness_unknown_log";
    public const string WitnessInvalidProof = "witness_invalid_proof";

    // Public log embargo (entry bundles holding ballots whose announcement is not yet published).
    public const string EntriesEmbargoed = "entries_embargoed";

    /// <summary>The code for a response that has only a status: what the status means in general.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => BadRequest,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => RateLimited,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => InternalError,
        _ => BadRequest,
    };
}
