using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// JwtBearer, with what a Scalekit resource server needs around it: the token size limit, the strict reading of
/// <see cref="AccessTokenReader"/> (structure, <c>typ</c>, time claims, subject, scopes), the signing key fetched
/// before validation when its <c>kid</c> is new, 503 while no key was ever fetched, scopes normalised into one claim
/// type, RFC 6750 challenges with a fixed set of safe descriptions and a problem body, logs and metrics; and in front
/// of it all, the <see cref="ValidatedTokenCache"/>, which answers for a token validated before without parsing it.
/// </summary>
internal sealed class ScalekitApiAuthHandler(
    IOptionsMonitor<JwtBearerOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<ScalekitApiAuthOptions> scalekitOptions,
    ScalekitCacheRegistry caches,
    ScalekitMetrics metrics)
    : JwtBearerHandler(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The duration's <c>outcome</c> when a validation reached none: JwtBearer's events answered, or an exception left.</summary>
    private const string NoOutcome = "none";

    /// <summary>The events JwtBearer creates when the application sets none: the validated-token cache may skip these.</summary>
    private static readonly JwtBearerEvents DefaultEvents = new();

    /// <summary>The outcome tag of this request's validation, once <see cref="Accept(AuthenticateResult, bool)"/> or <see cref="Record"/> noted it.</summary>
    private string? _outcome;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var schemeCaches = caches.Get(Scheme.Name);
        var authorization = Request.Headers.Authorization.ToString();
        if (MaySupplyToken())
        {
            return AuthenticateSuppliedTokenAsync(schemeCaches, authorization);
        }

        if (BearerToken(authorization) is not { } range)
        {
            return AuthenticateWithJwtBearerAsync(schemeCaches, tokenCache: null, authorization, range: null, shape: default);
        }

        return AuthenticateTokenAsync(schemeCaches, TokenCacheFor(schemeCaches), authorization, range);
    }

    /// <summary>
    /// The token at <paramref name="range"/> of <paramref name="source"/> (the header value, or a token the application
    /// supplied): the size limit, the validated-token cache when <paramref name="tokenCache"/> is given, the strict
    /// reading, then JwtBearer.
    /// </summary>
    private Task<AuthenticateResult> AuthenticateTokenAsync(SchemeCaches schemeCaches, ValidatedTokenCache? tokenCache, string source, Range range)
    {
        var token = source.AsSpan(range);
        var limit = scalekitOptions.Get(Scheme.Name).MaxTokenSize;
        if (token.Length > limit)
        {
            return Task.FromResult(Reject(TokenFailureReason.TooLarge, $"it has {token.Length} characters; the limit is {limit}"));
        }

        if (schemeCaches.ApiKeys is { } apiKeys && ApiKeyShape.IsApiKey(token))
        {
            return apiKeys.AuthenticateAsync(token, Scheme.Name, Context.RequestAborted);
        }

        TokenHash? hash = null;
        if (tokenCache is not null && FindValidated(tokenCache, schemeCaches, source, token, ref hash) is { } validated)
        {
            schemeCaches.Keys.RefreshIfDue();
            return Task.FromResult(Accept(validated.CreateTicket(Scheme.Name), cached: true));
        }

        return ValidateFullyAsync(schemeCaches, tokenCache, source, range, hash);
    }

    /// <summary>
    /// A token the validated-token cache did not answer for: the strict reading, then JwtBearer. Timed for
    /// <see cref="ScalekitApiAuthDefaults.TokenValidationDurationMetricName"/> and traced as
    /// <see cref="ScalekitApiAuthDefaults.TokenValidationActivityName"/>, with the outcome <see cref="Accept(AuthenticateResult, bool)"/>
    /// or <see cref="Record"/> noted.
    /// </summary>
    private async Task<AuthenticateResult> ValidateFullyAsync(
        SchemeCaches schemeCaches, ValidatedTokenCache? tokenCache, string source, Range range, TokenHash? hash)
    {
        var started = TimeProvider.GetTimestamp();
        var activity = ScalekitActivities.StartValidation(Scheme.Name);
        Exception? thrown = null;
        try
        {
            var shape = AccessTokenReader.Read(source.AsSpan(range));
            if (shape.Failure is { } failure)
            {
                return Reject(failure, shape.Detail!);
            }

            if (shape.IgnoredScopeValues > 0)
            {
                Logger.ScopeValuesIgnored(shape.IgnoredScopeValues);
            }

            return await AuthenticateWithJwtBearerAsync(schemeCaches, tokenCache, source, range, shape, hash).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            thrown = ex;
            throw;
        }
        finally
        {
            metrics.FullValidationTook(TimeProvider.GetElapsedTime(started), _outcome ?? NoOutcome);
            ScalekitActivities.EndValidation(activity, _outcome, thrown);
        }
    }

    /// <summary>
    /// Whether the application may supply the token itself (its own <c>OnMessageReceived</c>, or an events type of its
    /// own): then the token JwtBearer validates is not necessarily the header's.
    /// </summary>
    private bool MaySupplyToken() =>
        Events.GetType() != typeof(JwtBearerEvents) || Events.OnMessageReceived != DefaultEvents.OnMessageReceived;

    /// <summary>
    /// Raises <c>MessageReceived</c> once, as JwtBearer would, and gives the token it supplies (else the header's) the
    /// same path as a header token: size limit, strict reading, the signing key prepared, the scopes read from it. The
    /// events are then wrapped so that JwtBearer validates exactly that token without raising the event again.
    /// </summary>
    private async Task<AuthenticateResult> AuthenticateSuppliedTokenAsync(SchemeCaches schemeCaches, string authorization)
    {
        var received = new MessageReceivedContext(Context, Scheme, Options);
        try
        {
            await Events.MessageReceived(received).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // As JwtBearer does for an exception of its own events: AuthenticationFailed may turn it into a result.
            var failed = new AuthenticationFailedContext(Context, Scheme, Options) { Exception = ex };
            await Events.AuthenticationFailed(failed).ConfigureAwait(false);
            if (failed.Result is not null)
            {
                return failed.Result;
            }

            throw;
        }

        if (received.Result is not null)
        {
            return received.Result;
        }

        var token = string.IsNullOrEmpty(received.Token)
            ? BearerToken(authorization) is { } range ? authorization[range] : null
            : received.Token;
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        Events = new SuppliedTokenEvents(Events, token);
        return await AuthenticateTokenAsync(schemeCaches, tokenCache: null, token, Range.All).ConfigureAwait(false);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false)).Failure;
        if (failure is ScalekitSigningKeysUnavailableException unavailable)
        {
            await ScalekitResponses.WriteKeysUnavailableAsync(Context, unavailable.RetryAfter).ConfigureAwait(false);
            return;
        }

        if (failure is ScalekitApiKeysUnavailableException apiKeysUnavailable)
        {
            await ScalekitResponses.WriteApiKeysUnavailableAsync(Context, apiKeysUnavailable.RetryAfter, apiKeysUnavailable.RateLimited).ConfigureAwait(false);
            return;
        }

        var challenge = new JwtBearerChallengeContext(Context, Scheme, Options, properties) { AuthenticateFailure = failure };
        if (failure is not null)
        {
            // Fixed descriptions only: exception messages may quote token content.
            challenge.Error = BearerChallengeWriter.InvalidToken;
            challenge.ErrorDescription = TokenFailure.Describe(TokenFailure.Classify(failure));
        }

        await Events.Challenge(challenge).ConfigureAwait(false);
        if (challenge.Handled || Response.HasStarted)
        {
            return;
        }

        await ScalekitResponses.WriteUnauthorizedAsync(Context, challenge.Error, challenge.ErrorDescription, challenge.ErrorUri).ConfigureAwait(false);
    }

    /// <summary>
    /// The full path: the signing key made available, then JwtBearer's validation (and events); a success gets the
    /// scopes <paramref name="shape"/> read and, when <paramref name="tokenCache"/> is given, is remembered (under
    /// <paramref name="hash"/>, the token's hash from the lookup, when there was one).
    /// <paramref name="source"/> is the header value or the token the application supplied, with the token at
    /// <paramref name="range"/> when there is one.
    /// </summary>
    private async Task<AuthenticateResult> AuthenticateWithJwtBearerAsync(
        SchemeCaches schemeCaches, ValidatedTokenCache? tokenCache, string source, Range? range, AccessTokenShape shape, TokenHash? hash = null)
    {
        if (range is not null)
        {
            var retryAfter = await schemeCaches.Keys.PrepareAsync(shape.Kid, Context.RequestAborted).ConfigureAwait(false);
            if (retryAfter is { } wait)
            {
                Logger.SigningKeysUnavailable((int)Math.Ceiling(wait.TotalSeconds));
                return Reject(new ScalekitSigningKeysUnavailableException(wait));
            }

            if (shape.Kid is { } kid && schemeCaches.Keys.Current is { } keys && keys.Contains(kid) && keys.Find(kid, shape.Alg).Length == 0)
            {
                return Reject(TokenFailureReason.AlgorithmNotAllowed, "its alg is not the algorithm its signing key is bound to");
            }
        }

        AuthenticateResult result;
        try
        {
            result = await base.HandleAuthenticateAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (range is not null && ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or System.Text.Json.JsonException or SecurityTokenException)
        {
            // Never a 500 for a token: what the token handler fails to read (after JwtBearer logged it) is malformed.
            return Reject(TokenFailureReason.Malformed, "the token handler could not read it");
        }

        if (result.Succeeded)
        {
            if (result.Principal.Identity is ClaimsIdentity identity)
            {
                ScopeClaims.Normalize(identity, shape.Scopes);
            }

            if (tokenCache is not null && range is { } token)
            {
                var tokenText = source.AsSpan(token);
                tokenCache.Add(hash ?? TokenHash.Of(tokenText), tokenText.Length, result.Ticket);
            }

            return Accept(result, cached: false);
        }

        if (result.Failure is not null)
        {
            var reason = TokenFailure.Classify(result.Failure);
            Record(reason, TokenFailure.Describe(reason));
        }

        return result;
    }

    /// <summary>
    /// The cached validation of the request's token: the one this connection used last when the header is the same
    /// (no hashing), else the cache's.
    /// </summary>
    private ValidatedToken? FindValidated(
        ValidatedTokenCache tokenCache, SchemeCaches schemeCaches, string authorization, ReadOnlySpan<char> token, ref TokenHash? hash)
    {
        var keys = schemeCaches.Keys.Current;
        var memo = ConnectionTokenMemo.For(Context, schemeCaches);
        if (memo?.Recall(authorization) is { } recalled && tokenCache.Counts(recalled, keys))
        {
            return recalled;
        }

        var computed = TokenHash.Of(token);
        hash = computed;
        var found = tokenCache.Find(computed, keys);
        if (found is not null)
        {
            memo?.Remember(authorization, found);
        }

        return found;
    }

    /// <summary>
    /// The validated-token cache when this request may use it: it is on, and JwtBearer would do nothing per request that
    /// the cache cannot repeat. An application that handles <c>OnTokenValidated</c> (which may change or refuse the
    /// principal), saves the token in the ticket, replaces the token handler, or sets a validation delegate or replay
    /// detection of its own (which may answer differently for the same token, such as a revocation list) gets
    /// JwtBearer's full path on every request. (One that handles <c>OnMessageReceived</c> or replaces the events type
    /// never gets here: <see cref="MaySupplyToken"/> sends its requests the supplied-token way, without the cache.)
    /// </summary>
    private ValidatedTokenCache? TokenCacheFor(SchemeCaches schemeCaches) =>
        schemeCaches.Tokens is { } tokens
        && !Options.SaveToken
        && Events.OnTokenValidated == DefaultEvents.OnTokenValidated
        && !Options.UseSecurityTokenValidators
        && Options.TokenHandlers is [JsonWebTokenHandler handler] && handler.GetType() == typeof(JsonWebTokenHandler)
        && ValidatesAlikeEveryTime(Options.TokenValidationParameters)
            ? tokens
            : null;

    /// <summary>Whether validation depends on the token alone: no delegate or replay detection of the application's.</summary>
    private static bool ValidatesAlikeEveryTime(TokenValidationParameters parameters) =>
        parameters is
        {
            ValidateTokenReplay: false,
            TokenReplayCache: null,
            TokenReplayValidator: null,
            LifetimeValidator: null,
            AudienceValidator: null,
            IssuerValidator: null,
            IssuerValidatorUsingConfiguration: null,
            SignatureValidator: null,
            SignatureValidatorUsingConfiguration: null,
            IssuerSigningKeyValidator: null,
            IssuerSigningKeyValidatorUsingConfiguration: null,
            AlgorithmValidator: null,
            TypeValidator: null,
            TokenReader: null,
            TransformBeforeSignatureValidation: null,
        };

    private AuthenticateResult Accept(AuthenticationTicket ticket, bool cached) => Accept(AuthenticateResult.Success(ticket), cached);

    private AuthenticateResult Accept(AuthenticateResult result, bool cached)
    {
        metrics.TokenAccepted(cached);
        _outcome = TokenFailure.SuccessTag;
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            var principal = result.Principal!;
            Logger.TokenAccepted(principal.FindFirst(ScalekitClaimTypes.ClientId)?.Value, principal.FindFirst(ScalekitClaimTypes.OrganizationId)?.Value);
        }

        return result;
    }

    private AuthenticateResult Reject(TokenFailureReason reason, string detail) =>
        Reject(new ScalekitInvalidTokenException(reason, detail));

    private AuthenticateResult Reject(Exception failure)
    {
        var reason = TokenFailure.Classify(failure);
        Record(reason, failure is ScalekitInvalidTokenException refused ? refused.Detail : TokenFailure.Describe(reason));
        return AuthenticateResult.Fail(failure);
    }

    private void Record(TokenFailureReason reason, string detail)
    {
        var tag = TokenFailure.Tag(reason);
        _outcome = tag;
        metrics.TokenValidated(tag);
        Logger.TokenRejected(tag, detail);
    }

    /// <summary>
    /// Where the token of an <c>Authorization: Bearer</c> header value is (the scheme name is case-insensitive), or
    /// <see langword="null"/> when there is none. A range, not a string: the validated-token cache hashes the token in place.
    /// </summary>
    private static Range? BearerToken(string authorization)
    {
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = authorization.AsSpan(BearerPrefix.Length);
        var start = BearerPrefix.Length + (value.Length - value.TrimStart().Length);
        var end = authorization.Length - (value.Length - value.TrimEnd().Length);
        return start < end ? start..end : null;
    }
}
