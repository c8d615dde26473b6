import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Prints the body of the HTTPS URL it is given, then the system property slipway.test. */
public class Fetch {
    public static void main(String[] args) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(args[0])).build();
        var body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        System.out.println("java fetched " + body.strip() + ", slipway.test=" + System.getProperty("slipway.test"));
    }
}
