using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// JwtBearer, with what a Scalekit resource server needs around it: the token size limit, the signing key fetched
/// before validation when its <c>kid</c> is new, 503 while no key was ever fetched, scopes normalised into one claim
/// type, RFC 6750 challenges with a fixed set of safe descriptions and a problem body, logs and metrics.
/// </summary>
internal sealed class ScalekitApiAuthHandler(
    IOptionsMonitor<JwtBearerOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<ScalekitApiAuthOptions> scalekitOptions,
    SigningKeyCacheRegistry keyCaches,
    ScalekitMetrics metrics)
    : JwtBearerHandler(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadBearerToken() is { } token)
        {
            var limit = scalekitOptions.Get(Scheme.Name).MaxTokenSize;
            if (token.Length > limit)
            {
                return Reject(new ScalekitTokenTooLargeException(token.Length, limit));
            }

            var (kid, critical) = ReadHeader(token);
            if (critical)
            {
                return Reject(new ScalekitCriticalHeaderException());
            }

            var retryAfter = await keyCaches.Get(Scheme.Name).PrepareAsync(kid, Context.RequestAborted).ConfigureAwait(false);
            if (retryAfter is { } wait)
            {
                Logger.SigningKeysUnavailable((int)Math.Ceiling(wait.TotalSeconds));
                return Reject(new ScalekitSigningKeysUnavailableException(wait));
            }
        }

        var result = await base.HandleAuthenticateAsync().ConfigureAwait(false);
        if (result.Succeeded)
        {
            if (result.Principal.Identity is ClaimsIdentity identity)
            {
                ScopeClaims.Normalize(identity);
            }

            metrics.TokenValidated("success");
            Logger.TokenAccepted(result.Principal.FindFirst(ScalekitClaimTypes.ClientId)?.Value, result.Principal.FindFirst(ScalekitClaimTypes.OrganizationId)?.Value);
        }
        else if (result.Failure is not null)
        {
            Record(TokenFailure.Classify(result.Failure));
        }

        return result;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false)).Failure;
        if (failure is ScalekitSigningKeysUnavailableException unavailable)
        {
            await ScalekitResponses.WriteKeysUnavailableAsync(Context, unavailable.RetryAfter).ConfigureAwait(false);
            return;
        }

        var challenge = new JwtBearerChallengeContext(Context, Scheme, Options, properties) { AuthenticateFailure = failure };
        if (failure is not null)
        {
            // Fixed descriptions only: exception messages may quote token content.
            challenge.Error = BearerChallenge.InvalidToken;
            challenge.ErrorDescription = TokenFailure.Describe(TokenFailure.Classify(failure));
        }

        await Events.Challenge(challenge).ConfigureAwait(false);
        if (challenge.Handled || Response.HasStarted)
        {
            return;
        }

        await ScalekitResponses.WriteUnauthorizedAsync(Context, challenge.Error, challenge.ErrorDescription, challenge.ErrorUri).ConfigureAwait(false);
    }

    private AuthenticateResult Reject(Exception failure)
    {
        Record(TokenFailure.Classify(failure));
        return AuthenticateResult.Fail(failure);
    }

    private void Record(TokenFailureReason reason)
    {
        var tag = TokenFailure.Tag(reason);
        metrics.TokenValidated(tag);
        Logger.TokenRejected(tag);
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header; the scheme name is case-insensitive.</summary>
    private string? ReadBearerToken()
    {
        string? authorization = Request.Headers[HeaderNames.Authorization];
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization.AsSpan(BearerPrefix.Length).Trim();
        return token.IsEmpty ? null : token.ToString();
    }

    /// <summary>
    /// The <c>kid</c> of the token header, read by Microsoft.IdentityModel, and whether the header has a <c>crit</c>
    /// parameter; (<see langword="null"/>, <see langword="false"/>) when unreadable.
    /// </summary>
    private static (string? Kid, bool Critical) ReadHeader(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return (jwt.Kid, jwt.TryGetHeaderValue<object>("crit", out _));
        }
        catch (ArgumentException)
        {
            return (null, false); // malformed: validation rejects it next, with the proper reason
        }
    }
}
