namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>One <c>Authorization</c> header value of the fuzz test, made by <see cref="AuthorizationHeaderFuzzer"/>.</summary>
/// <param name="Index">Its place in the run, for the report.</param>
/// <param name="Family">The class of input (such as <c>header: lone surrogate escape in kid</c>): failures are grouped by it.</param>
/// <param name="Description">How the value was made, readable in a report (bytes that are not printable ASCII as <c>\xNN</c>).</param>
/// <param name="Authorization">The header value, sent exactly as it is.</param>
/// <param name="ExpectedDescription">
/// The <c>error_description</c> a token of this case must be refused with, when the case settles it (a header that is not
/// a JSON object is malformed, whatever else the token carries); <see langword="null"/> when any fixed description will do.
/// </param>
public sealed record HeaderFuzzCase(int Index, string Family, string Description, string Authorization, string? ExpectedDescription);
