using FluentAssertions.Execution;
using Scalekit.AspNetCore.Tests.Framework;
using Xunit.Abstractions;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>
/// A bounded, deterministic fuzz of the <c>Authorization</c> header through the real pipeline (TestServer, JwtBearer, the
/// JWKS fetched from <see cref="JwksServer"/>): whatever the header holds, a protected endpoint answers 401
/// <c>invalid_token</c> with a fixed description (or a bare <c>Bearer</c> challenge when there is no bearer token), an
/// anonymous endpoint answers 200, nothing answers 5xx, no response quotes the token, and nothing is logged at Error or
/// with an exception. The authentication middleware runs the default scheme on every request, anonymous ones included,
/// so one header that makes the handler throw takes down every endpoint.
/// </summary>
/// <remarks>
/// The cases come from <see cref="AuthorizationHeaderFuzzer"/> and are checked by <see cref="HeaderFuzzRun"/>, which
/// reports the failures grouped by class of input, one example each. Change <see cref="Seed"/> to explore; a failure's
/// description shows the JSON and encoding that were sent.
/// </remarks>
public sealed class AuthorizationHeaderFuzzTests(IssuerFixture fixture, ITestOutputHelper output) : IClassFixture<IssuerFixture>
{
    private const int Seed = 0x5CA1E;
    private const int CasesPerTest = 1200;

    /// <summary>Every n-th case is also sent to the anonymous endpoint.</summary>
    private const int AnonymousEvery = 4;

    /// <summary>How many failures the report lists one by one, after the grouped ones.</summary>
    private const int ReportedFailures = 10;

    /// <summary>
    /// At most this many cases of a test may carry the valid token itself: the control case, and the rare mutation that
    /// leaves the token unchanged or changes only the unused low bits of the signature's last character.
    /// </summary>
    private const int MaxAccepted = CasesPerTest / 50;

    /// <summary>
    /// The API's unknown-kid cooldown, short: many cases name a kid the JWKS lacks, and with the default (10 s) each one
    /// sent during the cooldown may wait for the fetch scheduled at its end. This test is about reading tokens; the
    /// cache's flood protection has its own tests (SigningKeys/).
    /// </summary>
    private static readonly TimeSpan UnknownKeyCooldown = TimeSpan.FromMilliseconds(1);

    private static readonly int MaxTokenSize = new ScalekitApiAuthOptions().MaxTokenSize;

    [Fact]
    public async Task Random_header_values_are_refused_as_malformed_or_too_large_and_leave_anonymous_endpoints_alone()
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);
        var cases = new AuthorizationHeaderFuzzer(Seed, token, MaxTokenSize).RandomValues(CasesPerTest);

        // Act
        var run = await RunAsync(token, cases);

        // Assert
        using var scope = new AssertionScope();
        run.AnswerProblems(Seed, ReportedFailures).Should().BeEmpty();
        run.LogProblems(Seed, ReportedFailures).Should().BeEmpty();
        run.Accepted.Should().BeInRange(1, MaxAccepted, "the control case is the valid token, and random values are not");
    }

    [Fact]
    public async Task A_valid_token_with_hostile_JSON_in_its_header_or_payload_is_refused_as_invalid_and_never_fails_the_request()
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);
        var cases = new AuthorizationHeaderFuzzer(Seed, token, MaxTokenSize).MutatedJson(CasesPerTest);

        // Act
        var run = await RunAsync(token, cases);

        // Assert
        using var scope = new AssertionScope();
        run.AnswerProblems(Seed, ReportedFailures).Should().BeEmpty();
        run.LogProblems(Seed, ReportedFailures).Should().BeEmpty();
        run.Accepted.Should().BeInRange(1, MaxAccepted, "every case but the control one changes the header, the payload or the signature");
    }

    [Fact]
    public async Task A_valid_token_with_characters_flipped_inserted_or_deleted_is_refused_as_invalid_and_never_fails_the_request()
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);
        var cases = new AuthorizationHeaderFuzzer(Seed, token, MaxTokenSize).EditedCharacters(CasesPerTest);

        // Act
        var run = await RunAsync(token, cases);

        // Assert
        using var scope = new AssertionScope();
        run.AnswerProblems(Seed, ReportedFailures).Should().BeEmpty();
        run.LogProblems(Seed, ReportedFailures).Should().BeEmpty();
        run.Accepted.Should().BeInRange(1, MaxAccepted, "only an edit of the signature's unused low bits leaves the token valid");
    }

    /// <summary>Sends the cases to an API of its own (so that its logs are the run's alone) and writes the summary to the test output.</summary>
    private async Task<HeaderFuzzRun> RunAsync(string token, IEnumerable<HeaderFuzzCase> cases)
    {
        await using var api = await ApiHost.StartAsync(
            fixture.Issuer, options => options.Keys.UnknownKeyCooldown = UnknownKeyCooldown, services: HeaderFuzzRun.CaptureLogs);
        var run = await HeaderFuzzRun.ExecuteAsync(api, token, cases, AnonymousEvery);
        output.WriteLine(run.Summary());
        output.WriteLine(run.AnswerProblems(Seed, ReportedFailures));
        output.WriteLine(run.LogProblems(Seed, ReportedFailures));
        return run;
    }
}
