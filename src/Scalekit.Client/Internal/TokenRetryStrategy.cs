using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Scalekit.Client.Internal;

/// <summary>
/// The token HttpClient's resilience pipeline: a total time-out, then retries with exponential backoff and jitter on
/// connection errors, attempt time-outs, 429 and 5xx, then a time-out per attempt. Any other answer is final, so a
/// refused secret (<c>invalid_client</c>, 401) is never sent again.
/// </summary>
internal static class TokenRetryStrategy
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ScalekitTokenRequestOptions options, string clientId, ILogger logger)
    {
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(CreateRetry(options, clientId, logger));
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    public static HttpRetryStrategyOptions CreateRetry(ScalekitTokenRequestOptions options, string clientId, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        OnRetry = args =>
        {
            logger.TokenRequestRetrying(clientId, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"{(int)response.StatusCode} {response.StatusCode}" : outcome.Exception?.GetType().Name ?? "unknown";
}
