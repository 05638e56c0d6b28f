namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>
/// One line of <c>support/json-reporter.js</c>: a node test's result (<see cref="Kind"/> <c>test</c>; no
/// <see cref="Name"/> for a failure outside any test), what a test file wrote to stderr (<c>stderr</c>), or what
/// node:test said besides (<c>diagnostic</c>).
/// </summary>
public sealed record NodeTestOutcome(string Kind, string? File, string? Name, string? Status, string? Message, string? Location, string? Text)
{
    public bool Passed => Status == "pass";
}
