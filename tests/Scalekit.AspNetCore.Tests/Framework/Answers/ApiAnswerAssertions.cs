using System.Net;
using FluentAssertions.Execution;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>The answers every scope test expects, asserted in one place.</summary>
public static class ApiAnswerAssertions
{
    public const string Rfc6750 = "https://datatracker.ietf.org/doc/html/rfc6750#section-3.1";

    /// <summary>The exact <c>WWW-Authenticate</c> of a 403 for <paramref name="required"/>.</summary>
    public static string InsufficientScopeChallenge(params string[] required) =>
        $"Bearer error=\"insufficient_scope\", error_description=\"The access token lacks a required scope\", scope=\"{string.Join(' ', required)}\"";

    public static void ShouldBeOk(this ApiAnswer answer, string text)
    {
        using var _ = new AssertionScope();
        answer.Status.Should().Be(HttpStatusCode.OK, "{0}", answer);
        answer.Text.Should().Be(text);
    }

    /// <summary>401 with a bare <c>Bearer</c> challenge: no token was sent.</summary>
    public static void ShouldBeChallengedForAToken(this ApiAnswer answer)
    {
        using var _ = new AssertionScope();
        answer.Status.Should().Be(HttpStatusCode.Unauthorized, "{0}", answer);
        answer.Challenge.Should().Be("Bearer");
    }

    /// <summary>403 <c>insufficient_scope</c> with the problem body naming <paramref name="required"/> and <paramref name="missing"/>.</summary>
    public static void ShouldBeInsufficientScope(this ApiAnswer answer, string[] required, string[] missing)
    {
        using var _ = new AssertionScope();
        answer.Status.Should().Be(HttpStatusCode.Forbidden, "{0}", answer);
        answer.Challenge.Should().Be(InsufficientScopeChallenge(required));
        answer.MediaType.Should().Be("application/problem+json");
        answer.Problem.Should().BeEquivalentTo(new { Type = Rfc6750, Status = 403, RequiredScopes = required, MissingScopes = missing });
    }
}
