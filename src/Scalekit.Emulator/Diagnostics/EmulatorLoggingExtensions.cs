namespace Scalekit.Emulator;

/// <summary>
/// Log messages of the emulator. Event ids are stable and never reused; the emulator's are 300 and up, apart from
/// those of the other packages. Tokens and secrets are never logged, request values only clipped.
/// </summary>
internal static partial class EmulatorLoggingExtensions
{
    [LoggerMessage(300, LogLevel.Warning, "Refused {Method} {Path} for host '{Host}' with 421: the emulator answers {AcceptedHosts} only. Set Emulator:EnvironmentUrl or Emulator:AllowedHosts to accept another host.", EventName = "HostRefused")]
    public static partial void HostRefused(this ILogger logger, string method, string path, string host, string acceptedHosts);

    [LoggerMessage(301, LogLevel.Warning, "The emulator's database is locked by another connection ({Error}); answered {Method} {Path} with 503 and Retry-After {RetryAfterSeconds}s.", EventName = "DatabaseBusy")]
    public static partial void DatabaseBusy(this ILogger logger, string error, string method, string path, int retryAfterSeconds);

    [LoggerMessage(302, LogLevel.Warning, "Reloading the signing keys failed: the emulator's database is locked by another connection ({Error}). Keeping the {KeyCount} key(s) in memory; next attempt in {RetryDelay}.", EventName = "SigningKeysReloadFailed")]
    public static partial void SigningKeysReloadFailed(this ILogger logger, string error, int keyCount, TimeSpan retryDelay);

    [LoggerMessage(303, LogLevel.Warning, "Refused the CORS preflight of {Path} from origin '{Origin}' with 403: {Reason}", EventName = "CorsPreflightRefused")]
    public static partial void CorsPreflightRefused(this ILogger logger, string path, string origin, string reason);

    /// <summary>A request value as a log line or an answer may show it: at most <paramref name="length"/> characters.</summary>
    public static string Clip(string? value, int length = 64) =>
        value is null ? "" : value.Length <= length ? value : value[..length] + "…";
}
