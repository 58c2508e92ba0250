package org.guichet.administration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A service of an administration: who answers the citizens its messages reach. */
@Entity
@Table(name = "service")
public class Service {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "administration_id")
    private Administration administration;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false)
    private String name;

    private String commitment;
    private String email;
    private String phone;

    @Column(name = "postal_address")
    private String postalAddress;

    @Column(nullable = false)
    private String calendar;

    protected Service() {
    }

    public Long id() {
        return id;
    }

    public Administration administration() {
        return administration;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String commitment() {
        return commitment;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String postalAddress() {
        return postalAddress;
    }

    public String calendar() {
        return calendar;
    }
}
