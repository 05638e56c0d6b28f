namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>A fact about the native AotApi: skipped with how to install clang when it can be neither found nor published, except on CI, where it fails.</summary>
public sealed class NativeAotFactAttribute : FactAttribute
{
    public NativeAotFactAttribute()
    {
        if (NativeAotApi.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
