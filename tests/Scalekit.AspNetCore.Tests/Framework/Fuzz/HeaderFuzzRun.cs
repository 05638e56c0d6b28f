using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// Sends <see cref="HeaderFuzzCase"/>s one after another to a protected endpoint of an <see cref="ApiHost"/> (and every
/// n-th to an anonymous one) and records every answer and log entry that breaks the contract: no 5xx; on the protected
/// endpoint 401 with a <c>Bearer</c> challenge, <c>invalid_token</c> and a fixed description when a token was sent (200
/// only for the valid token itself); 200 on the anonymous endpoint; no response quoting the header or any of its parts
/// of 8 characters or more; no log entry at Error or above, nor one carrying an exception but JwtBearer's own
/// Information line for a token it refused (which holds Microsoft.IdentityModel's exception, token text hidden).
/// </summary>
/// <remarks>The API must log to a <see cref="FakeLogCollector"/> (see <see cref="CaptureLogs"/>): each entry is charged to the case during which it was written.</remarks>
public sealed class HeaderFuzzRun
{
    public const string ProtectedPath = "/min/read";
    public const string AnonymousPath = "/anonymous";

    private const string BearerPrefix = "Bearer ";
    private const int MinimumQuotedLength = 8;

    private readonly List<Failure> _failures = [];
    private readonly List<string> _logLeaks = [];
    private readonly List<string> _accepted = [];
    private readonly Dictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly string _validToken;
    private readonly byte[] _validSignature;

    private HeaderFuzzRun(string validToken)
    {
        _validToken = validToken;
        _validSignature = Base64UrlEncoder.DecodeBytes(validToken.Split('.')[2]);
    }

    /// <summary>How many cases were sent.</summary>
    public int Cases { get; private set; }

    /// <summary>How many were answered 200 on the protected endpoint: the valid token, possibly written differently but with the same bytes.</summary>
    public int Accepted { get; private set; }

    /// <summary>How many were also sent to the anonymous endpoint.</summary>
    public int AnonymousProbes { get; private set; }

    /// <summary>How long sending took.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>
    /// Registers a <see cref="FakeLogCollector"/> that takes every entry from Debug up, whatever the configuration files
    /// say (the test output holds an example app's <c>appsettings.json</c>, which raises <c>Microsoft.AspNetCore</c> to Warning).
    /// </summary>
    public static void CaptureLogs(IServiceCollection services)
    {
        services.AddFakeLogging();
        services.AddLogging(logging => logging.AddFilter<FakeLoggerProvider>(null, LogLevel.Debug));
    }

    public static async Task<HeaderFuzzRun> ExecuteAsync(ApiHost api, string validToken, IEnumerable<HeaderFuzzCase> cases, int anonymousEvery)
    {
        var run = new HeaderFuzzRun(validToken);
        var logs = api.Services.GetRequiredService<FakeLogCollector>();
        var spans = new List<(HeaderFuzzCase Case, string[] Quotable, string Path, int From, int To)>();
        var clock = Stopwatch.StartNew();
        foreach (var fuzzCase in cases)
        {
            var quotable = Quotable(fuzzCase.Authorization);
            var from = logs.Count;
            run.Check(fuzzCase, quotable, await api.SendVerbatimAsync(ProtectedPath, fuzzCase.Authorization));
            spans.Add((fuzzCase, quotable, ProtectedPath, from, logs.Count));
            if (fuzzCase.Index % anonymousEvery == 0)
            {
                from = logs.Count;
                run.CheckAnonymous(fuzzCase, quotable, await api.SendVerbatimAsync(AnonymousPath, fuzzCase.Authorization));
                spans.Add((fuzzCase, quotable, AnonymousPath, from, logs.Count));
            }
        }

        run.Elapsed = clock.Elapsed;
        var records = logs.GetSnapshot();
        foreach (var (fuzzCase, quotable, path, from, to) in spans)
        {
            for (var i = from; i < to && i < records.Count; i++)
            {
                run.Check(fuzzCase, quotable, path, records[i]);
            }
        }

        return run;
    }

    /// <summary>Counts of the answers given, and the log entries that quoted the token (not a failure: logs are not answers).</summary>
    public string Summary()
    {
        var summary = new StringBuilder()
            .AppendLine($"{Cases} cases in {Elapsed.TotalSeconds:F1} s, {AnonymousProbes} also sent to {AnonymousPath}; {Accepted} accepted as the valid token.")
            .AppendLine("Answers on " + ProtectedPath + ":");
        foreach (var (answer, count) in _answers.OrderByDescending(a => a.Value))
        {
            summary.AppendLine($"  {count,6}  {answer}");
        }

        foreach (var accepted in _accepted.Take(10))
        {
            summary.AppendLine("  accepted: " + accepted);
        }

        summary.AppendLine($"Log entries quoting the header or a part of it: {_logLeaks.Count}");
        foreach (var leak in _logLeaks.Take(5))
        {
            summary.AppendLine("  " + leak);
        }

        return summary.ToString();
    }

    /// <summary>
    /// Nothing when every answer kept the contract; otherwise the failures grouped by check and class of input, with
    /// one example each, then the first <paramref name="examples"/> failures (5xx first).
    /// </summary>
    public string AnswerProblems(int seed, int examples) =>
        Report(_failures.Where(f => !f.IsLog).ToList(), "answer", seed, examples, byClassOfInput: true);

    /// <summary>
    /// Nothing when no log entry was at Error or above or carried an exception; otherwise those entries grouped by
    /// level, category and event (whatever the class of input), with one example each, then the first <paramref name="examples"/>.
    /// </summary>
    public string LogProblems(int seed, int examples) =>
        Report(_failures.Where(f => f.IsLog).ToList(), "log", seed, examples, byClassOfInput: false);

    private string Report(List<Failure> failures, string kind, int seed, int examples, bool byClassOfInput)
    {
        if (failures.Count == 0)
        {
            return "";
        }

        var report = new StringBuilder()
            .AppendLine($"{failures.Count} {kind} failure(s) in {Cases} cases (seed {seed}); by check{(byClassOfInput ? " and class of input" : "")} (cases, first example):");
        var groups = failures
            .GroupBy(f => byClassOfInput ? (f.Check, f.Case.Family) : (f.Check, Family: ""))
            .OrderBy(g => Severity(g.Key.Check))
            .ThenByDescending(g => g.Select(f => f.Case.Index).Distinct().Count());
        foreach (var group in groups)
        {
            var first = group.First();
            var cases = group.Select(f => f.Case.Index).Distinct().Count();
            var classes = group.Select(f => f.Case.Family).Distinct().Count();
            var label = byClassOfInput ? group.Key.Family : $"{classes} class(es) of input";
            report.AppendLine($"- [{group.Key.Check}] {label}: {cases} case(s), e.g. {first}");
        }

        report.AppendLine("The first failures (5xx first), one per check, class of input and endpoint:");
        foreach (var failure in failures.OrderBy(f => Severity(f.Check)).ThenBy(f => f.Case.Index).DistinctBy(f => (f.Check, f.Case.Family, f.Path)).Take(examples))
        {
            report.AppendLine($"- {failure}");
        }

        return report.ToString();
    }

    private static int Severity(string check) => check switch
    {
        "5xx" => 0,
        "anonymous" => 1,
        "leak" => 2,
        "accepted" => 3,
        "status" => 4,
        "challenge" => 5,
        _ when check.StartsWith("log Critical", StringComparison.Ordinal) || check.StartsWith("log Error", StringComparison.Ordinal) => 6,
        _ => 7,
    };

    private void Check(HeaderFuzzCase fuzzCase, string[] quotable, VerbatimAnswer answer)
    {
        Cases++;
        var challenge = answer.Challenges.Count == 1 ? answer.Challenges[0] : string.Join(" | ", answer.Challenges);
        Count(answer.Escaped is not null ? $"exception {answer.Escaped.GetType().Name}" : $"{answer.Status} {challenge}");
        CheckNotQuoted(fuzzCase, quotable, answer, ProtectedPath);
        if (answer.Escaped is not null || answer.Status >= 500)
        {
            Fail(fuzzCase, ProtectedPath, "5xx", Describe(answer));
            return;
        }

        if (answer.Status == 200)
        {
            if (IsTheValidToken(fuzzCase.Authorization))
            {
                Accepted++;
                _accepted.Add($"#{fuzzCase.Index} [{fuzzCase.Family}] {AuthorizationHeaderFuzzer.Printable(fuzzCase.Description, 200)}");
                return;
            }

            Fail(fuzzCase, ProtectedPath, "accepted", "200 for a token that is not the valid one");
            return;
        }

        if (answer.Status != 401 || answer.Challenges.Count != 1 || !challenge.StartsWith("Bearer", StringComparison.Ordinal))
        {
            Fail(fuzzCase, ProtectedPath, "status", Describe(answer));
            return;
        }

        if (!HasToken(fuzzCase.Authorization))
        {
            if (challenge != "Bearer")
            {
                Fail(fuzzCase, ProtectedPath, "challenge", $"no token was sent, yet the challenge is '{challenge}'");
            }

            return;
        }

        var description = fuzzCase.ExpectedDescription;
        if (description is null
            ? !TokenErrors.All.Any(d => challenge == Challenge(d))
            : challenge != Challenge(description))
        {
            Fail(fuzzCase, ProtectedPath, "challenge", $"'{challenge}', expected {(description is null ? "invalid_token with a fixed description" : $"'{Challenge(description)}'")}");
        }
    }

    private void CheckAnonymous(HeaderFuzzCase fuzzCase, string[] quotable, VerbatimAnswer answer)
    {
        AnonymousProbes++;
        CheckNotQuoted(fuzzCase, quotable, answer, AnonymousPath);
        if (answer.Escaped is not null || answer.Status >= 500)
        {
            Fail(fuzzCase, AnonymousPath, "5xx", Describe(answer));
        }
        else if (answer.Status != 200 || answer.Body != "ok")
        {
            Fail(fuzzCase, AnonymousPath, "anonymous", Describe(answer));
        }
    }

    private void CheckNotQuoted(HeaderFuzzCase fuzzCase, string[] quotable, VerbatimAnswer answer, string path)
    {
        var quoted = quotable.FirstOrDefault(q =>
            answer.Headers.Contains(q, StringComparison.Ordinal) || answer.Body.Contains(q, StringComparison.Ordinal));
        if (quoted is not null)
        {
            Fail(fuzzCase, path, "leak", $"the response quotes {AuthorizationHeaderFuzzer.Show(quoted)}");
        }
    }

    /// <summary>JwtBearer's "Failed to validate the token." (event 1, Information), which carries the validation exception.</summary>
    private static bool IsJwtBearerRefusal(FakeLogRecord record) =>
        record.Level == LogLevel.Information && record.Id.Name == "TokenValidationFailed";

    private void Check(HeaderFuzzCase fuzzCase, string[] quotable, string path, FakeLogRecord record)
    {
        if (record.Level >= LogLevel.Error || (record.Exception is not null && !IsJwtBearerRefusal(record)))
        {
            var check = $"log {record.Level} {record.Category} {record.Id.Name ?? record.Id.Id.ToString(CultureInfo.InvariantCulture)}";
            var exception = record.Exception is null ? "" : $" [{Flatten(record.Exception)}]";
            Fail(fuzzCase, path, check, $"'{record.Message}'{exception}");
        }

        var text = record.Exception is null ? record.Message : record.Message + Messages(record.Exception);
        if (quotable.FirstOrDefault(q => text.Contains(q, StringComparison.Ordinal)) is { } quoted)
        {
            _logLeaks.Add($"#{fuzzCase.Index} [{fuzzCase.Family}] on {path}, {record.Category} {record.Id.Name}: quotes {AuthorizationHeaderFuzzer.Show(quoted)}");
        }
    }

    /// <summary>Whether the header carries the valid token: the same header and payload, and a signature of the same bytes.</summary>
    private bool IsTheValidToken(string authorization)
    {
        if (!HasToken(authorization))
        {
            return false;
        }

        var parts = authorization[BearerPrefix.Length..].Trim().Split('.');
        var valid = _validToken.Split('.');
        if (parts.Length != 3 || parts[0] != valid[0] || parts[1] != valid[1])
        {
            return false;
        }

        try
        {
            return Base64UrlEncoder.DecodeBytes(parts[2]).AsSpan().SequenceEqual(_validSignature);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether JwtBearer finds a token in the header: the <c>Bearer </c> prefix (any case) and something after it.</summary>
    private static bool HasToken(string authorization) =>
        authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization[BearerPrefix.Length..].Trim().Length > 0;

    /// <summary>The texts no response may quote: the header value, its token, and the token's dot-separated parts of 8 characters or more.</summary>
    private static string[] Quotable(string authorization)
    {
        var token = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..] : authorization;
        return [.. new[] { authorization, token.Trim() }
            .Concat(token.Split('.').Where(s => s.Length >= MinimumQuotedLength))
            .Where(q => q.Trim().Length >= MinimumQuotedLength)
            .Distinct(StringComparer.Ordinal)];
    }

    private static string Challenge(string description) => $"Bearer error=\"invalid_token\", error_description=\"{description}\"";

    private static string Describe(VerbatimAnswer answer) => answer.Escaped is { } escaped
        ? $"unhandled {Flatten(escaped)}"
        : $"{answer.Status} '{string.Join(" | ", answer.Challenges)}' {AuthorizationHeaderFuzzer.Show(answer.Body)}";

    /// <summary>The messages of the exception and its inner ones (the texts a log sink shows, less the stack traces).</summary>
    private static string Messages(Exception exception)
    {
        var messages = new StringBuilder();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Append(' ').Append(e.Message);
        }

        return messages.ToString();
    }

    /// <summary>The exception and its inner ones, type and first line of message each.</summary>
    private static string Flatten(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}");
        }

        return string.Join(" ---> ", parts);
    }

    private void Count(string answer) => _answers[answer] = _answers.GetValueOrDefault(answer) + 1;

    private void Fail(HeaderFuzzCase fuzzCase, string path, string check, string problem) => _failures.Add(new Failure(fuzzCase, path, check, problem));

    private sealed record Failure(HeaderFuzzCase Case, string Path, string Check, string Problem)
    {
        public bool IsLog => Check.StartsWith("log ", StringComparison.Ordinal);

        public override string ToString() =>
            $"#{Case.Index} [{Case.Family}] {AuthorizationHeaderFuzzer.Printable(Case.Description, 700)} => {Path}: {AuthorizationHeaderFuzzer.Printable(Problem, 400)}";
    }
}
