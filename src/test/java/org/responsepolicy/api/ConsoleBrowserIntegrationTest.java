package org.responsepolicy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.responsepolicy.app.ServerConfig;
import org.responsepolicy.store.DatabaseConfig;
import org.responsepolicy.support.Browser;
import org.responsepolicy.support.MovableClock;
import org.responsepolicy.support.TestServer;

/**
 * The console in real headless Chromium against the real server: a week of multilingual mentions behind it,
 * the playground with a Polish card number, the rules page with a broken rule file, searching decisions, the
 * overview's charts, and signing in with a key. Each page is saved as a screenshot in
 * {@code target/console-screenshots} (the README's pictures are these).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTest {

    /** A Wednesday morning in Warsaw, within staffed hours; the seeded week ends here. */
    private static final Instant NOW = Instant.parse("2026-11-18T10:30:00Z");

    /** How many mentions {@link #seedAWeekOfMentions} sends. */
    private static final int SEEDED = 60;

    private static MovableClock clock;
    private static Path rules;
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        clock = new MovableClock(NOW.minus(Duration.ofDays(6)));
        rules = TestServer.copyOfBundledRules(Files.createTempDirectory("rps-console-rules-").resolve("rules"));
        server = TestServer.start(new ServerConfig("127.0.0.1", 0, rules,
                DatabaseConfig.embedded(Files.createTempDirectory("rps-console-data-")), false), clock);
        seedAWeekOfMentions();
        clock.set(NOW);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noScriptErrorsOrRefusedContent() {
        List<String> problems = browser.consoleMessages().stream()
                .filter(m -> m.contains("Uncaught") || m.contains("Content Security Policy") || m.contains("TypeError"))
                .toList();
        assertEquals(List.of(), problems, "the console logged errors");
    }

    private static String console(String page) {
        return "http://127.0.0.1:" + server.port() + "/console/#/" + page;
    }

    @Test
    @Order(1)
    void playgroundShowsAPolishCardNumberMaskedWithTheEvidenceAndTheReasons() {
        browser.open(console("playground"));
        WebElement text = browser.waitFor(By.id("mention-text"));
        text.clear();
        text.sendKeys("Zablokowaliście mi kartę 4111 1111 1111 1111, skandal! Od rana nie mogę zapłacić. "
                + "Czy mogę dostać kredyt?");
        new Select(browser.find(By.id("mention-channel"))).selectByValue("facebook");
        WebElement author = browser.find(By.id("mention-author"));
        author.clear();
        author.sendKeys("Katarzyna Nowak");
        browser.find(By.id("evaluate-button")).click();

        WebElement card = browser.waitFor(By.cssSelector("#masked-text mark[data-kind='personal_data']"));
        assertEquals("**** **** **** 1111", wordsOf(card));
        assertEquals("payment_card", card.getAttribute("data-label"));
        List<String> topics = browser.all(By.cssSelector("#masked-text mark[data-kind='topic']")).stream()
                .map(ConsoleBrowserIntegrationTest::wordsOf).toList();
        assertTrue(topics.contains("kredyt") && topics.contains("kartę"), topics.toString());
        assertTrue(browser.all(By.cssSelector("#masked-text mark[data-kind='intent']")).stream()
                .anyMatch(m -> wordsOf(m).equals("skandal")));

        String result = browser.find(By.id("playground-result")).getText();
        assertFalse(result.contains("4111 1111 1111 1111"), "the raw card number never reaches the page");
        List<String> actions = browser.all(By.cssSelector("#playground-result .action")).stream()
                .map(a -> a.getAttribute("data-type")).toList();
        assertTrue(actions.containsAll(List.of("HIDE_PUBLIC_POST", "MOVE_TO_PRIVATE", "ESCALATE")), actions.toString());
        String reasons = String.join("\n", browser.all(By.cssSelector("#playground-result .reason")).stream()
                .map(WebElement::getText).toList());
        assertTrue(reasons.contains("private-for-personal-data"), reasons);
        assertTrue(reasons.contains("GDPR"), "the rule's regulation is quoted: " + reasons);
        assertTrue(browser.find(By.cssSelector("#playground-result blockquote[lang='pl']")).getText().contains("Katarzyna"),
                "the suggested reply is Polish and addresses the author");
        browser.screenshot("playground");

        // A dry run stores nothing.
        server.request().get("/v1/decisions?policy=private-for-personal-data&from=" + NOW.minusSeconds(60))
                .then().statusCode(200).body("decisions.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    @Order(2)
    void decisionsCanBeFilteredAndOneOpenedWithItsExplanation() {
        browser.open(console("decisions"));
        browser.waitFor(By.id("filter-action"));
        new Select(browser.find(By.id("filter-action"))).selectByValue("ESCALATE");
        WebElement brand = browser.find(By.id("filter-brand"));
        brand.clear();
        brand.sendKeys("acme-bank");
        browser.find(By.id("search-button")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("action=ESCALATE"));
        browser.waitFor(By.cssSelector("#decisions-table .decision-row"));

        List<WebElement> rows = browser.all(By.cssSelector("#decisions-table .decision-row"));
        List<String> escalated = server.request().get("/v1/decisions?brand=acme-bank&action=ESCALATE&limit=50").then()
                .statusCode(200).extract().jsonPath().getList("decisions.decisionId");
        assertEquals(escalated, rows.stream().map(r -> r.getAttribute("data-decision-id")).toList(),
                "the page lists what the API finds for the same filters");
        assertTrue(rows.size() >= 3 && rows.size() < 40, "regulated questions only, not every mention: " + rows.size());
        rows.forEach(r -> assertTrue(r.getText().contains("ESCALATE"), r.getText()));
        browser.screenshot("decisions");

        // The filters live in the address: reloading it shows the same search.
        browser.driver().navigate().refresh();
        browser.waitFor(By.cssSelector("#decisions-table .decision-row"));
        assertEquals("ESCALATE", new Select(browser.find(By.id("filter-action"))).getFirstSelectedOption()
                .getAttribute("value"));

        String first = escalated.get(0);
        browser.find(By.cssSelector("#decisions-table .decision-row[data-decision-id='" + first + "'] a")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#/decisions/" + first));
        WebElement reason = browser.waitFor(By.cssSelector(".action .reason"));
        assertTrue(browser.find(By.tagName("main")).getText().contains("escalate-regulated"), reason.getText());
        browser.screenshot("decision");
    }

    @Test
    @Order(3)
    void theOverviewChartsTheWeekAndShowsTheOutageIncident() {
        browser.open(console("overview"));
        browser.waitFor(By.id("chart-mentions"));
        browser.waitUntil(d -> browser.all(By.cssSelector("canvas")).size() >= 3);
        for (String chart : List.of("chart-mentions", "chart-actions", "chart-deadlines")) {
            WebElement canvas = browser.find(By.id(chart));
            assertTrue(canvas.getSize().getWidth() > 200 && canvas.getSize().getHeight() > 100, chart + " is drawn");
            assertFalse(canvas.getAttribute("aria-label").isBlank(), chart + " is described for screen readers");
        }
        String described = browser.find(By.id("chart-mentions")).getAttribute("aria-label");
        assertTrue(described.contains(SEEDED + " mentions in total"), "the week by the server's clock: " + described);
        String dueSoon = browser.find(By.id("due-soon-table")).getText();
        assertTrue(dueSoon.contains("RESPOND_PUBLICLY") && !dueSoon.contains("days ago"),
                "deadlines are counted on the server's clock, not the browser's: " + dueSoon);
        WebElement timeline = browser.waitFor(By.id("chart-incidents"));
        assertTrue(timeline.getAttribute("aria-label").contains("acme-bank outage from"), "when the crisis began");
        String page = browser.find(By.tagName("main")).getText();
        assertTrue(page.contains("outage"), "the open outage incident is listed: " + page);
        browser.screenshot("overview");
    }

    @Test
    @Order(4)
    void aBrokenRuleFileShowsItsFileAndLineOnTheRulesPageWhileTheOldRulesServe() throws Exception {
        browser.open(console("rules"));
        browser.waitFor(By.cssSelector(".rule-row"));
        String version = server.request().get("/v1/rules").then().extract().path("version");
        assertTrue(browser.find(By.tagName("main")).getText().contains(version), "the active version is shown");

        Files.writeString(rules.resolve("policies/broken.drl"), String.join("\n",
                "package org.responsepolicy.policies;",
                "",
                "rule \"Half-written rule\"",
                "    @policy(\"respond-to-negatives\") @description(\"unfinished\")",
                "when",
                "    $m : Mention( sentiment == \"negative\" ",
                "then",
                "end",
                ""));
        browser.find(By.id("reload-button")).click();

        WebElement problems = browser.waitFor(By.id("reload-problems"));
        browser.waitUntil(d -> !browser.all(By.cssSelector("#reload-problems .problem-location")).isEmpty());
        List<String> locations = browser.all(By.cssSelector("#reload-problems .problem-location")).stream()
                .map(WebElement::getText).toList();
        assertTrue(locations.stream().anyMatch(l -> l.matches("policies/broken\\.drl:\\d+")), locations.toString());
        assertTrue(problems.getText().length() > 40, "the compiler's message is shown: " + problems.getText());
        browser.screenshot("rules");

        assertEquals(version, server.request().get("/v1/rules").then().extract().path("version"),
                "the rejected files did not replace the serving rules");
        Files.delete(rules.resolve("policies/broken.drl"));
    }

    @Test
    @Order(5)
    void withKeysTheConsoleAsksForOneAndShowsOnlyWhatTheRoleMaySee() throws Exception {
        try (TestServer keyed = TestServer.withH2()) {
            String admin = keyed.request().contentType(ContentType.JSON).body(Map.of("name", "ops", "role", "admin"))
                    .post("/v1/keys").then().statusCode(201).extract().path("secret");
            String crm = keyed.request().header("X-API-Key", admin).contentType(ContentType.JSON)
                    .body(Map.of("name", "crm-connector", "role", "evaluate")).post("/v1/keys").then().statusCode(201)
                    .extract().path("secret");
            String base = "http://127.0.0.1:" + keyed.port() + "/console/#/";

            browser.open(base + "overview");
            WebElement key = browser.waitFor(By.cssSelector("input[type='password']"));
            key.sendKeys("rps_not-a-key", Keys.ENTER);
            browser.waitUntil(d -> browser.find(By.tagName("main")).getText().contains("not valid"));
            browser.screenshot("sign-in");

            key = browser.find(By.cssSelector("input[type='password']"));
            key.clear();
            key.sendKeys(crm, Keys.ENTER);
            browser.waitUntil(d -> browser.find(By.id("caller-role")).getText().contains("evaluate"));
            assertEquals("crm-connector", browser.find(By.id("caller-name")).getText());
            // An evaluate key may only use the playground: the overview's address says so instead of calling the API.
            browser.waitUntil(d -> browser.find(By.tagName("main")).getText()
                    .contains("Your key's role, evaluate, can use the Playground only."));
            assertFalse(browser.find(By.cssSelector("#nav-links a[data-page='overview']")).isDisplayed());
            assertTrue(browser.find(By.cssSelector("#nav-links a[data-page='playground']")).isDisplayed());
            browser.open(base);
            browser.waitFor(By.id("mention-text")); // the playground is its home page

            browser.open(base + "playground");
            browser.waitFor(By.id("mention-text")).sendKeys("Köszönöm a gyors segítséget, nagyon elégedett vagyok!");
            browser.find(By.id("evaluate-button")).click();
            browser.waitUntil(d -> browser.all(By.cssSelector("#playground-result .action")).stream()
                    .anyMatch(a -> "THANK".equals(a.getAttribute("data-type"))));
            browser.find(By.id("sign-out-button")).click();
            browser.waitFor(By.cssSelector("input[type='password']"));
        }
        browser.consoleMessages(); // the 401s and 403s above are expected
    }

    /** A highlight's own words, without the type it names for screen readers. */
    private static String wordsOf(WebElement mark) {
        return mark.findElement(By.cssSelector(":scope > .hl-text")).getText();
    }

    /** A week at Acme Bank: complaints, praise, regulated questions, suggestions, and one outage wave. */
    private static void seedAWeekOfMentions() {
        List<String> everyday = List.of(
                "Aplikacja znowu nie działa, nie mogę zalogować się od rana. Skandal!",
                "Dziękuję za szybką pomoc w oddziale, świetna obsługa!",
                "Czy mogę dostać kredyt hipoteczny bez wkładu własnego?",
                "Добрий день! Чи можна оформити кредит онлайн?",
                "Дякую за швидку допомогу, все чудово працює!",
                "Почему с меня списали комиссию за обслуживание карты? Это обман!",
                "Köszönöm a gyors segítséget, nagyon elégedett vagyok!",
                "Miért nem működik a kártyám külföldön? Felháborító!",
                "It would be great if the app had a dark mode, please add it.",
                "Should I invest my savings in your new fund? Any advice?",
                "Someone called pretending to be the bank and asked for my PIN, is this a scam?",
                "Fajnie by było, gdyby aplikacja miała tryb ciemny.");
        int n = 0;
        for (int day = 0; day < 7; day++) {
            for (int i = 0; i < 4 + day % 3; i++) {
                clock.set(NOW.minus(Duration.ofDays(6 - day)).minus(Duration.ofHours(9)).plus(Duration.ofMinutes(97L * i)));
                evaluate("week-" + n, everyday.get(n % everyday.size()), "author-" + (n % 9));
                n++;
            }
        }
        // Two days ago: the app goes down and twenty-four people say so within twenty minutes.
        List<String> outage = List.of("Aplikacja nie działa! Awaria?", "The app is down again, I can't log in.",
                "Застосунок не працює, не можу зайти!", "Приложение не работает уже час!",
                "Nem működik az alkalmazás, mi történt?", "Bankowość internetowa leży, nie mogę zrobić przelewu.");
        for (int i = 0; i < 24; i++) {
            clock.set(NOW.minus(Duration.ofHours(50)).plus(Duration.ofSeconds(50L * i)));
            evaluate("outage-" + i, outage.get(i % outage.size()), "outage-author-" + i);
        }
        // This morning, minutes ago: answers are due within the hour.
        clock.set(NOW.minus(Duration.ofMinutes(20)));
        evaluate("today-1", "Karta zablokowana bez powodu, dzwonię od godziny i nikt nie odbiera!", "today-a");
        evaluate("today-2", "Why was I charged twice for the same payment? This is ridiculous.", "today-b");
    }

    private static void evaluate(String id, String text, String author) {
        Map<String, Object> mention = new HashMap<>(Map.of("id", id, "brand", "acme-bank", "channel", "twitter",
                "text", text, "publishedAt", clock.instant().toString()));
        mention.put("author", Map.of("id", author, "displayName", "Customer " + author, "followers", 150));
        server.request().contentType(ContentType.JSON).body(mention).post("/v1/mentions/evaluate")
                .then().statusCode(200);
    }
}
