using Microsoft.Extensions.Time.Testing;

namespace Scalekit.Emulator.Tests.Framework;

public static class Clock
{
    /// <summary>The moment of the sample response of Scalekit's "Add auth to your APIs" guide (2025-04-16T06:56:05Z): far from the real clock on purpose.</summary>
    public static readonly DateTimeOffset Start = new(2025, 4, 16, 6, 56, 5, TimeSpan.Zero);

    public static FakeTimeProvider Fake() => new(Start);
}
