using System.Globalization;
using System.Text;

namespace Scalekit.Emulator.Management;

/// <summary>The page sizes a list takes: <see cref="Default"/> when none is given, from <see cref="Min"/> to <see cref="Max"/>.</summary>
internal sealed record PageLimits(int Default, int Min, int Max);

/// <summary>One page of a list, with the tokens of its neighbours (empty when there is none) and the total count.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total, string NextPageToken, string PrevPageToken);

/// <summary>
/// Offset paging as Scalekit's list calls show it: <c>page_size</c>, and opaque <c>page_token</c>s that the previous
/// answer handed out as <c>next_page_token</c> / <c>prev_page_token</c>.
/// </summary>
internal readonly record struct PageRequest(int Offset, int Size)
{
    /// <summary>Checks <paramref name="pageSize"/> (0 or absent: the default) against <paramref name="limits"/> and decodes <paramref name="pageToken"/>.</summary>
    public static ManagementResult<PageRequest> From(long? pageSize, string? pageToken, PageLimits limits)
    {
        var size = pageSize is null or 0 ? limits.Default : pageSize.Value;
        if (size < limits.Min || size > limits.Max)
        {
            return SizeRefused(limits);
        }

        if (Decode(pageToken) is not { } offset)
        {
            return ManagementError.Invalid("page_token is not one this API returned; pass next_page_token or prev_page_token as received.");
        }

        return new PageRequest(offset, (int)size);
    }

    /// <summary>Reads a <c>page_size</c> query value: absent is the default, anything but digits is refused.</summary>
    public static ManagementResult<PageRequest> FromQuery(IQueryCollection query, PageLimits limits)
    {
        long? size = null;
        if (query["page_size"].ToString() is { Length: > 0 } text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed == 0)
            {
                return SizeRefused(limits);
            }

            size = parsed;
        }

        return From(size, query["page_token"].ToString(), limits);
    }

    /// <summary>The page of <paramref name="items"/> (already offset and limited) out of <paramref name="total"/>.</summary>
    public Page<T> Of<T>(IReadOnlyList<T> items, int total) => new(
        items,
        total,
        Offset + items.Count < total ? Encode(Offset + items.Count) : "",
        Offset > 0 ? Encode(Math.Max(0, Offset - Size)) : "");

    private static ManagementError SizeRefused(PageLimits limits) =>
        ManagementError.Invalid($"page_size must be a whole number from {limits.Min} to {limits.Max}.");

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        if (token.Length > 64)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                   && int.TryParse(text["offset:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
