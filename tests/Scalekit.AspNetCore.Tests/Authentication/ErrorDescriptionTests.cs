using System.Reflection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>
/// <see cref="ScalekitErrorDescriptions"/> is public API for the texts the wire carries: each constant is the text the
/// tests write out in <see cref="TokenErrors"/>, so a change to one fails here.
/// </summary>
public sealed class ErrorDescriptionTests
{
    public static TheoryData<string> Names => new(
        typeof(ScalekitErrorDescriptions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name));

    [Theory, MemberData(nameof(Names))]
    public void Every_public_description_is_the_text_of_the_wire_contract(string name)
    {
        // Arrange
        var published = (string)typeof(ScalekitErrorDescriptions).GetField(name)!.GetValue(null)!;

        // Act
        var written = typeof(TokenErrors).GetField(name)?.GetValue(null) as string;

        // Assert
        written.Should().NotBeNull($"TokenErrors writes out {name} too").And.Be(published);
    }
}
