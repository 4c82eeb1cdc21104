using System.Net;
using System.Text.RegularExpressions;

namespace CatalogAdmin.Tests.EndToEnd;

/// <summary>Signs in over plain HTTP, posting the sign-in form as a browser does (antiforgery token included).</summary>
public static partial class HttpSignIn
{
    /// <summary>A client with a cookie jar of its own, not following redirects, so tests see each answer.</summary>
    public static HttpClient NewClient(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    /// <summary>Posts the sign-in form; a success answers with a redirect and sets the auth cookie.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string email, string password, Action<HttpRequestMessage>? decorate = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "Account/Login");
        decorate?.Invoke(get);
        using var page = await http.SendAsync(get, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        var post = new HttpRequestMessage(HttpMethod.Post, "Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        decorate?.Invoke(post);
        return await http.SendAsync(post, TestContext.Current.CancellationToken);
    }

    /// <summary>A client signed in as <paramref name="email"/>; fails the test if the sign-in does not succeed.</summary>
    public static async Task<HttpClient> SignedInClientAsync(Uri baseAddress, string email, string password)
    {
        var http = NewClient(baseAddress);
        using var response = await PostAsync(http, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return http;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
