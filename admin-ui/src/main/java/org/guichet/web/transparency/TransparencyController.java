package org.guichet.web.transparency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.guichet.transparency.OpenData;
import org.guichet.transparency.ServiceMonth;
import org.guichet.transparency.Transparency;
import org.guichet.web.supervision.BarChart;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public transparency page ({@code /transparence} in French, {@code /transparency} in
 * English) and its open data, without login, cookie or outside asset. Every route answers
 * 404 while {@code guichet.transparency.enabled} is off.
 */
@Controller
@ConditionalOnRole(Role.WEB)
class TransparencyController {

    private static final CacheControl PUBLIC = CacheControl.maxAge(Transparency.FRESHNESS.toSeconds(), TimeUnit.SECONDS)
            .cachePublic();
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final Transparency transparency;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    TransparencyController(Transparency transparency, MessageSource messages) {
        this.transparency = transparency;
        this.messages = messages;
    }

    @GetMapping({"/transparence", "/transparency"})
    String page(HttpServletRequest request, Model model) {
        published();
        Locale locale = request.getRequestURI().startsWith("/transparency") ? Locale.ENGLISH : Locale.FRENCH;
        List<Transparency.Published> months = transparency.months().stream().map(transparency::month).toList();
        List<ServicePanel> panels = new ArrayList<>();
        Map<String, List<ServiceMonth>> byService = new LinkedHashMap<>();
        months.forEach(m -> m.services().forEach(s -> byService.computeIfAbsent(s.service(), k -> new ArrayList<>())
                .add(s)));
        // A service that never received a request in the period has nothing to show.
        byService.forEach((code, rows) -> {
            if (!rows.stream().allMatch(ServiceMonth::none)) {
                panels.add(panel(code, rows, locale));
            }
        });
        model.addAttribute("t", texts(locale));
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("base", locale == Locale.ENGLISH ? "/transparency" : "/transparence");
        model.addAttribute("other", locale == Locale.ENGLISH ? "/transparence" : "/transparency");
        model.addAttribute("administration", months.getLast().administration());
        model.addAttribute("generatedAt", months.getLast().generatedAt());
        model.addAttribute("months", transparency.months());
        model.addAttribute("panels", panels);
        model.addAttribute("minimum", transparency.properties().minimumCount());
        model.addAttribute("licence", transparency.properties().licence());
        model.addAttribute("licenceUrl", transparency.properties().licenceUrl());
        model.addAttribute("checkpoint", transparency.latestCheckpoint().map(c -> c.text()).orElse(null));
        model.addAttribute("verifierKey", transparency.verifierKey());
        return "transparency";
    }

    @GetMapping({"/transparence/{month}.csv", "/transparency/{month}.csv"})
    ResponseEntity<String> csv(@PathVariable String month) {
        Transparency.Published published = month(month);
        return ResponseEntity.ok().contentType(CSV).cacheControl(PUBLIC)
                .body(OpenData.csv(published, transparency.properties()));
    }

    @GetMapping({"/transparence/{month}.json", "/transparency/{month}.json"})
    ResponseEntity<String> json(@PathVariable String month) {
        Transparency.Published published = month(month);
        Map<String, Object> document = new LinkedHashMap<>(OpenData.metadata(published, transparency.properties()));
        document.put("records", OpenData.records(published));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(PUBLIC)
                .body(json.writeValueAsString(document));
    }

    @GetMapping({"/transparence/point-de-controle.txt", "/transparency/checkpoint.txt"})
    ResponseEntity<String> checkpoint() {
        published();
        return transparency.latestCheckpoint()
                .map(c -> ResponseEntity.ok().contentType(TEXT).cacheControl(PUBLIC).body(c.text()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkpoint signed yet"));
    }

    @GetMapping({"/transparence/cle.txt", "/transparency/key.txt"})
    ResponseEntity<String> key() {
        published();
        return ResponseEntity.ok().contentType(TEXT).cacheControl(PUBLIC).body(transparency.verifierKey() + "\n");
    }

    private void published() {
        if (!transparency.properties().enabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Transparency.Published month(String month) {
        published();
        try {
            return transparency.month(YearMonth.parse(month));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no published month " + month);
        }
    }

    private ServicePanel panel(String code, List<ServiceMonth> rows, Locale locale) {
        List<String> labels = rows.stream().map(r -> r.month().toString().substring(2)).toList();
        List<Double> within = rows.stream().map(r -> percent(r.withinCommitment())).toList();
        List<Double> median = rows.stream().map(r -> r.medianDays() == null ? null : r.medianDays().doubleValue())
                .toList();
        double top = Math.max(5, Math.ceil(median.stream().filter(v -> v != null).mapToDouble(Double::doubleValue)
                .max().orElse(5)));
        String days = locale == Locale.ENGLISH ? " d" : " j";
        return new ServicePanel(code, rows.getLast().serviceName(), rows.getLast().commitment(), rows,
                BarChart.of(labels, within, 100, " %"), BarChart.ofDecimals(labels, median, top, days));
    }

    private static Double percent(BigDecimal share) {
        return share == null ? null : share.doubleValue() * 100;
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : List.of("title", "intro", "skip", "other", "service", "commitment", "chart.within",
                "chart.median", "table", "month", "received", "answered", "median", "p90", "within", "never",
                "withheld", "withheld.note", "checkpoint.title", "checkpoint.text", "checkpoint.none",
                "checkpoint.verify", "checkpoint.key", "data.title", "data.text", "data.licence", "generated",
                "definitions", "none")) {
            texts.put(key, messages.getMessage("transparency." + key, null, locale));
        }
        return texts;
    }

    /**
     * One service's part of the page.
     *
     * @param code       the service's code (anchors)
     * @param name       its name
     * @param commitment its commitment, if it states one
     * @param months     its figures, oldest month first
     * @param within     share answered within the commitment, by month
     * @param median     median working days to the first answer, by month
     */
    record ServicePanel(String code, String name, String commitment, List<ServiceMonth> months, BarChart within,
            BarChart median) {
    }
}
