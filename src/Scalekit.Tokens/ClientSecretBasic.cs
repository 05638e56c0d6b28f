using System.Text;

namespace Scalekit.Tokens;

/// <summary>
/// The <c>client_secret_basic</c> credentials of a token request (RFC 6749 §2.3.1): the parameter of an
/// <c>Authorization: Basic</c> header, as the emulator's and the test kit's token endpoints read it.
/// </summary>
public static class ClientSecretBasic
{
    /// <summary>
    /// Reads a Basic parameter: base64 of <c>id:secret</c>, each form-url-encoded before base64 (so <c>+</c> is a space).
    /// </summary>
    /// <param name="parameter">The header's parameter, after <c>Basic </c>.</param>
    /// <returns>The client id and secret, or <see langword="null"/> when the parameter is not base64 or has no id before a colon.</returns>
    public static (string Id, string Secret)? Decode(string? parameter)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0
                ? null
                : (Unescape(text[..colon]), Unescape(text[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
