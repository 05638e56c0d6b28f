using System.Reflection;
using System.Runtime.CompilerServices;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>Public types are sealed or static on purpose, everything else internal and sealed or static; the kit stays small.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] KitTypes = typeof(ScalekitTestAuthority).Assembly.GetTypes()
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_type_of_the_kit_is_sealed_or_static()
    {
        // Act
        var open = KitTypes.Where(t => t.IsClass && !t.IsSealed).Select(t => t.FullName); // static classes are sealed too

        // Assert
        open.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_authority_its_options_its_api_keys_and_the_extension_classes_are_public()
    {
        // Act
        var visible = KitTypes.Where(t => t.IsVisible).Select(t => t.Name);

        // Assert
        visible.Should().BeEquivalentTo(
            nameof(ScalekitTestAuthority),
            nameof(ScalekitTestAuthorityOptions),
            nameof(ScalekitTestApiKey),
            nameof(Microsoft.Extensions.DependencyInjection.ScalekitTestAuthorityExtensions),
            nameof(Microsoft.Extensions.DependencyInjection.ScalekitTestAuthorityHttpClientExtensions),
            nameof(ScalekitWebHostExtensions),
            nameof(ScalekitHttpClientExtensions));
    }

    [Fact]
    public void The_kit_references_no_emulator_so_a_test_project_gets_no_executable_or_database()
    {
        // Act
        var references = typeof(ScalekitTestAuthority).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        // Assert
        references.Should().Contain("Scalekit.Tokens").And.NotContain("Scalekit.Emulator").And.NotContain("Microsoft.Data.Sqlite");
    }
}
