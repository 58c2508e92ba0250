package org.guichet.sla;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPropertiesTest {

    private static SlaProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("guichet.sla", SlaProperties.class);
    }

    @Test
    void defaultsAreTheLegalAndLabelCommitments() {
        SlaTerms terms = bind(Map.of()).terms();
        assertThat(terms.target(SlaMetric.ACKNOWLEDGEMENT)).isEqualTo(new SlaTarget.WorkingDays(1));
        assertThat(terms.target(SlaMetric.FIRST_ANSWER)).isEqualTo(new SlaTarget.WorkingDays(5));
        assertThat(terms.target(SlaMetric.NEXT_ANSWER)).isEqualTo(new SlaTarget.WorkingDays(5));
        assertThat(terms.target(SlaMetric.RESOLUTION)).isEqualTo(new SlaTarget.CalendarMonths(2));
        assertThat(terms.pausingStatuses()).containsExactly("waiting_citizen");
        assertThat(terms.warningFraction()).isEqualTo(0.8);
        assertThat(terms.implicitDecision()).isEqualTo(ImplicitDecision.NONE);
        assertThat(bind(Map.of()).approachingWindow()).isEqualTo(Period.ofDays(15));
    }

    @Test
    void targetsAreReadFromText() {
        SlaProperties properties = bind(Map.of(
                "guichet.sla.acknowledgement", "PT2H business",
                "guichet.sla.first-answer", "3 working days",
                "guichet.sla.resolution", "PT720H calendar",
                "guichet.sla.pausing-statuses", "waiting_citizen,waiting_third_party",
                "guichet.sla.warning-fraction", "0.9",
                "guichet.sla.implicit-decision", "rejection"));
        SlaTerms terms = properties.terms();
        assertThat(terms.target(SlaMetric.ACKNOWLEDGEMENT)).isEqualTo(new SlaTarget.BusinessTime(Duration.ofHours(2)));
        assertThat(terms.target(SlaMetric.FIRST_ANSWER)).isEqualTo(new SlaTarget.WorkingDays(3));
        assertThat(terms.target(SlaMetric.RESOLUTION)).isEqualTo(new SlaTarget.CalendarTime(Duration.ofDays(30)));
        assertThat(terms.pausingStatuses()).isEqualTo(Set.of("waiting_citizen", "waiting_third_party"));
        assertThat(terms.implicitDecision()).isEqualTo(ImplicitDecision.REJECTION);
    }

    @Test
    void aWrongTargetNamesItsProperty() {
        assertThatThrownBy(() -> bind(Map.of("guichet.sla.first-answer", "5 days")))
                .isInstanceOf(BindException.class).hasMessageContaining("guichet.sla.first-answer");
        assertThatThrownBy(() -> bind(Map.of("guichet.sla.pausing-statuses", "closed")).terms())
                .hasMessageContaining("guichet.sla").hasMessageContaining("'closed' cannot pause");
    }

    @Test
    void targetTextRoundTrips() {
        for (String text : new String[] {"1 working day", "5 working days", "PT8H business", "PT48H calendar",
                "1 month", "2 months", "PT1H30M business"}) {
            assertThat(SlaTarget.valueOf(text).text()).isEqualTo(text);
        }
        assertThat(SlaTarget.valueOf(" 5  Working Days ")).isEqualTo(new SlaTarget.WorkingDays(5));
        assertThatThrownBy(() -> SlaTarget.valueOf("0 working days")).hasMessageContaining("at least 1 day");
        assertThatThrownBy(() -> SlaTarget.valueOf("PT0S business")).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> SlaTarget.valueOf("soon")).hasMessageContaining("'soon' is not an SLA target");
    }
}
