using System.Reflection;
using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Scalekit.Aspire.Hosting.Tests;

/// <summary>The package is small on purpose: sealed or static types, four public ones, nothing of this repository inside.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] PackageTypes = typeof(ScalekitEmulatorResource).Assembly.GetTypes()
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_type_of_the_package_is_sealed_or_static()
    {
        // Act
        var open = PackageTypes.Where(t => t.IsClass && !t.IsSealed).Select(t => t.FullName); // static classes are sealed too

        // Assert
        open.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_resource_the_two_extension_classes_and_the_variable_names_are_public()
    {
        // Act
        var visible = PackageTypes.Where(t => t.IsVisible).Select(t => t.FullName);

        // Assert
        visible.Should().BeEquivalentTo(
            typeof(ScalekitEmulatorResource).FullName,
            typeof(ScalekitEmulatorBuilderExtensions).FullName,
            typeof(ScalekitEmulatorReferenceExtensions).FullName,
            typeof(ScalekitEnvironmentVariables).FullName);
    }

    [Fact]
    public void The_package_references_no_other_package_of_this_repository_so_an_AppHost_gets_no_emulator_assembly()
    {
        // Act
        var references = typeof(ScalekitEmulatorResource).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        // Assert
        references.Should().NotContain(name => name!.StartsWith("Scalekit.", StringComparison.Ordinal));
    }
}
