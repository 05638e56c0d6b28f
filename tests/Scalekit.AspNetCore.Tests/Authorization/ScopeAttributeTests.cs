using Microsoft.AspNetCore.Builder;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Tests.Authorization;

/// <summary>The attributes, the requirement and the endpoint extensions share one validation of scope lists.</summary>
public sealed class ScopeAttributeTests
{
    private static readonly string[][] InvalidScopeLists =
    [
        [],
        [""],
        [" "],
        ["read:deployments", ""],
        ["read:deployments deploy:applications"],
        ["read:deployments\tdeploy:applications"],
        ["read:deployments\n"],
    ];

    /// <summary>Every public way of naming scopes: the attributes, the requirement and the endpoint extensions.</summary>
    private static readonly string[] Constructions = ["RequireScope", "RequireAnyScope", "Requirement", ".RequireScope", ".RequireAnyScope"];

    public static TheoryData<string> EveryConstruction => new(Constructions);

    public static TheoryData<string, string[]> EveryConstructionWithInvalidScopes
    {
        get
        {
            var data = new TheoryData<string, string[]>();
            foreach (var construction in Constructions)
            {
                foreach (var scopes in InvalidScopeLists)
                {
                    data.Add(construction, scopes);
                }
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(EveryConstructionWithInvalidScopes))]
    public void An_empty_list_or_a_blank_or_white_space_scope_is_rejected(string construction, string[] scopes)
    {
        // Act
        var construct = () => Construct(construction, scopes);

        // Assert
        construct.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("scopes");
    }

    [Fact]
    public void A_rejected_scope_is_quoted_with_advice_to_pass_scopes_separately()
    {
        // Act
        var construct = () => new RequireScopeAttribute("read:deployments deploy:applications");

        // Assert
        construct.Should().Throw<ArgumentException>().WithMessage("'read:deployments deploy:applications' is not a valid scope*Pass several scopes as separate arguments*");
    }

    [Theory]
    [InlineData("read:déploiements")]
    [InlineData("read\"deployments")]
    [InlineData("read\\deployments")]
    public void A_scope_no_token_could_grant_is_rejected(string scope)
    {
        // Act: outside RFC 6749's scope-token characters, it could never be granted
        var construct = () => new RequireScopeAttribute(scope);

        // Assert
        construct.Should().Throw<ArgumentException>().WithMessage("*is not a valid scope*RFC 6749*");
    }

    [Theory, MemberData(nameof(EveryConstruction))]
    public void Valid_scopes_are_accepted(string construction)
    {
        // Act
        var construct = () => Construct(construction, ["read:deployments", "deploy:applications"]);

        // Assert
        construct.Should().NotThrow();
    }

    [Fact]
    public void An_all_of_requirement_reads_as_a_sentence()
    {
        // Arrange
        var requirement = new ScalekitScopeRequirement(ScopeMatch.All, ["read:deployments", "deploy:applications"]);

        // Act
        var text = requirement.ToString();

        // Assert
        text.Should().Be("ScalekitScopeRequirement: all of [read:deployments, deploy:applications]");
    }

    [Fact]
    public void An_any_of_requirement_reads_as_a_sentence()
    {
        // Arrange
        var requirement = new RequireAnyScopeAttribute("read:deployments", "admin:deployments").ToRequirement();

        // Act
        var text = requirement.ToString();

        // Assert
        text.Should().Be("ScalekitScopeRequirement: any of [read:deployments, admin:deployments]");
    }

    [Fact]
    public void The_attribute_keeps_the_scopes_in_order_and_carries_its_policy_name()
    {
        // Act
        var attribute = new RequireScopeAttribute("read:deployments", "deploy:applications");

        // Assert
        attribute.Should().BeEquivalentTo(new
        {
            ScopeMatch = ScopeMatch.All,
            Scopes = new[] { "read:deployments", "deploy:applications" },
            Policy = "Scalekit.Scope:all:read:deployments deploy:applications",
        });
    }

    private static void Construct(string construction, string[] scopes)
    {
        object _ = construction switch
        {
            "RequireScope" => new RequireScopeAttribute(scopes),
            "RequireAnyScope" => new RequireAnyScopeAttribute(scopes),
            "Requirement" => new ScalekitScopeRequirement(ScopeMatch.All, scopes),
            ".RequireScope" => new NullConventionBuilder().RequireScope(scopes),
            ".RequireAnyScope" => new NullConventionBuilder().RequireAnyScope(scopes),
            _ => throw new ArgumentOutOfRangeException(nameof(construction)),
        };
    }

    private sealed class NullConventionBuilder : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
        }
    }
}
