package org.guichet.administration;

/**
 * What an acknowledgement of receipt must say of the service handling the request, beyond its
 * name (CRPA R112-11-1: « la désignation, l'adresse postale et, le cas échéant, électronique,
 * ainsi que le numéro de téléphone du service chargé du dossier »). The email is not listed:
 * without one of its own, a service's acknowledgement gives the case's reply address.
 */
public enum Mention {
    POSTAL_ADDRESS,
    PHONE
}
