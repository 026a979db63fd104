import Foundation
import Testing
@testable import LivretBadges

/// Baked images read with an XML parser (issue 16): a credential hidden in a comment, a second
/// credential, an element of another namespace, a DTD: each refused or ignored as it should be.
@Suite("Images de badge lues par un analyseur XML")
struct LectureSVGTests {
    let ns = ImageBadge.espaceDeNoms

    func svg(_ corps: String) -> Data {
        Data(#"<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="\#(ns)">\#(corps)</svg>"#.utf8)
    }

    @Test("Un badge, en texte, en CDATA ou dans verify : lu")
    func un() throws {
        #expect(try LectureSVG.credentialUnique(svg("<openbadges:credential>a.b.c</openbadges:credential>")) == "a.b.c")
        #expect(try LectureSVG.credentialUnique(svg("<openbadges:credential><![CDATA[ a.b.c ]]></openbadges:credential>")) == "a.b.c")
        #expect(try LectureSVG.credentialUnique(svg(#"<openbadges:credential verify="x.y.z"/>"#)) == "x.y.z")
        // Baked by Livret itself.
        let cuit = try ImageBadge.bake(svg: ImageBadge.svg(nom: "Essai", famille: .parcours, structure: "Espace numérique"), jwt: "e.f.g")
        #expect(try LectureSVG.credentialUnique(cuit) == "e.f.g")
    }

    @Test("Un badge caché dans un commentaire n'existe pas ; deux badges sont refusés")
    func pieges() throws {
        #expect(throws: ErreurBadge.self) {
            try LectureSVG.credentialUnique(svg("<!-- <openbadges:credential>a.b.c</openbadges:credential> -->"))
        }
        let commentaireEtVrai = svg("<!-- <openbadges:credential>faux.faux.faux</openbadges:credential> --><openbadges:credential>a.b.c</openbadges:credential>")
        #expect(try LectureSVG.credentialUnique(commentaireEtVrai) == "a.b.c")
        let deux = svg("<openbadges:credential>a.b.c</openbadges:credential><openbadges:credential>d.e.f</openbadges:credential>")
        #expect(throws: ErreurBadge.self) { try LectureSVG.credentialUnique(deux) }
        #expect(try LectureSVG.lire(deux).credentials == ["a.b.c", "d.e.f"])
        // Same local name, another namespace: not a badge.
        let autre = Data(#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="https://example.org/autre"><o:credential>a.b.c</o:credential></svg>"#.utf8)
        #expect(try LectureSVG.lire(autre).credentials.isEmpty)
    }

    @Test("DTD, XML mal formé, autre racine : refusés avec une raison")
    func refus() {
        let dtd = Data(#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY b "a.b.c">]><svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8)
        #expect(throws: ErreurBadge.self) { try LectureSVG.lire(dtd) }
        #expect(throws: ErreurBadge.self) { try LectureSVG.lire(Data("<svg><openbadges:credential>".utf8)) }
        #expect(throws: ErreurBadge.self) { try LectureSVG.lire(Data(#"<html xmlns="http://www.w3.org/1999/xhtml"/>"#.utf8)) }
    }
}
