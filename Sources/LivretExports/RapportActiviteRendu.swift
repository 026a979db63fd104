import Foundation
import LivretCore

/// A ``BilanActivite`` as terminal text, CSV, JSON and one printable HTML page. Same review, same bytes.
///
/// Every format shows the same sections, in this order: key figures (with the previous period when
/// the review has one), by kind of activity, by place, hours per person (the histogram, then the
/// three levels of attendance), by sex, by age band, minors and adults, Coop thématiques,
/// satisfaction, follow-up after the action, testimonies. A section with nothing to show is left
/// out (the key figures never are). Every figure is one the review published: a masked one is « s ».
public enum RenduActivite {
    /// The CSV columns, in order:
    ///
    /// `rubrique;categorie;sous_categorie;nombre;part_pct;heures;passages;heures_par_beneficiaire;periode_precedente`
    ///
    /// Rows, in this order (`rubrique`: what the row is):
    /// - `periode`: one row, `sous_categorie` the dates "AAAA-MM-JJ/AAAA-MM-JJ", `periode_precedente` those of the
    ///   previous period when the review compares with one.
    /// - `avertissement`: one row per warning (masking, internal use), its text in `categorie`.
    /// - `chiffres_cles`: `categorie` names the figure; its value is in the column of its unit — `nombre` (people,
    ///   days, people per day), `heures`, `passages`, `heures_par_beneficiaire` — and `part_pct` for people who came
    ///   several times; `periode_precedente`: the same figure for the previous period (empty when not compared).
    /// - `type_activite`, `lieu`: one row per kind of activity or place with activity: `nombre` (people), `part_pct`
    ///   (of all people), `heures`, `passages`, `heures_par_beneficiaire`.
    /// - `histogramme` (people by hours spent, in classes from « moins d’1 h » to « 50 h et plus »), `assiduite` (the
    ///   three levels), `sexe` (the four sexes), `age` (every band, « non communiqué » last), `majorite` (« mineurs »,
    ///   « adultes », « non communiqué »): `nombre` (people) and `part_pct` (of all people), always every category.
    /// - `thematique`: one row per Coop thématique used: `nombre` of accompaniments, `part_pct` of all accompaniments.
    /// - `satisfaction`: per sex then « ensemble », `sous_categorie` « répondants », then « satisfaits » with
    ///   `part_pct`; `satisfaction_question`: `categorie` the question, `sous_categorie` the answer, `nombre`, `part_pct`
    ///   of the respondents.
    /// - `suivi_3_mois` (one rubrique per delay): per sex then « ensemble », `sous_categorie` « suivis », each
    ///   situation, « dont à temps partiel (emploi) », « dont en lien avec la formation » with `nombre`, and « part de
    ///   sorties positives » with `part_pct` only.
    /// - `temoignage`: the text in `categorie`, « signature, contexte » in `sous_categorie`.
    ///
    /// Counts are « s » when masked (secret statistique), and so are the rates and hours computed from them;
    /// `*_pct` and hours have a decimal comma ("66,7"); empty when there is nothing to divide by or nothing to say.
    public static let colonnesCSV = ["rubrique", "categorie", "sous_categorie", "nombre", "part_pct", "heures", "passages",
                                     "heures_par_beneficiaire", "periode_precedente"]

    /// One key figure as each format shows it.
    struct ChiffreCle {
        enum Colonne { case nombre, heures, passages, heuresParBeneficiaire }
        var libelle: String
        var colonne: Colonne
        /// For the terminal and the page ("575 h", "12 (27,3 %)").
        var texte: String
        /// For the CSV, in its column ("575").
        var csv: String
        var partCSV = ""
        /// The previous period's figure, nil when not compared.
        var precedent: (texte: String, csv: String)? = nil
    }

    /// Mean or median hours: the number, « s » when masked, « – » when there is nobody.
    static func heuresMoyennes(_ heures: Double?, masque: Bool) -> (texte: String, csv: String) {
        if let heures { return (Format.heures(heures), Format.nombre(heures)) }
        return masque ? (TauxPublie.texteMasque, TauxPublie.texteMasque) : ("–", "")
    }

    /// The key figures, in order; the previous period's beside those it has.
    static func chiffresCles(_ b: BilanActivite) -> [ChiffreCle] {
        let s = b.seuil
        let p = b.precedent
        func heures(_ h: Double?) -> (texte: String, csv: String) { (h.map(Format.heures) ?? TauxPublie.texteMasque, OutilsRapport.heures(h)) }
        let heuresPassees = heures(b.heuresBeneficiaires)
        func compte(_ v: ValeurPubliee) -> (texte: String, csv: String) { (v.texte(seuil: s), v.texte(seuil: s)) }
        let parJour: (texte: String, csv: String) = b.beneficiairesParJour.map { (Format.nombre($0), Format.nombre($0)) }
            ?? (b.joursOuverture == 0 ? ("–", "") : (TauxPublie.texteMasque, TauxPublie.texteMasque))
        let moyenne = heuresMoyennes(b.heuresParBeneficiaire, masque: b.beneficiaires.masque)
        let mediane = heuresMoyennes(b.heuresMediane, masque: b.beneficiaires.masque)
        var chiffres = [
            ChiffreCle(libelle: "Heures de formation et d’accompagnement", colonne: .heures, texte: heuresPassees.texte, csv: heuresPassees.csv,
                       precedent: p.map { heures($0.heures) }),
            ChiffreCle(libelle: "Personnes accompagnées", colonne: .nombre, texte: b.beneficiaires.texte(seuil: s), csv: b.beneficiaires.texte(seuil: s),
                       precedent: p.map { compte($0.beneficiaires) }),
            ChiffreCle(libelle: "Passages (visites et séances suivies)", colonne: .passages, texte: b.passages.texte(seuil: s), csv: b.passages.texte(seuil: s),
                       precedent: p.map { compte($0.passages) }),
            ChiffreCle(libelle: "Personnes venues plusieurs fois", colonne: .nombre,
                       texte: OutilsRapport.nombreEtPart(b.plusieursFois.nombre, b.plusieursFois.part, seuil: s),
                       csv: b.plusieursFois.nombre.texte(seuil: s), partCSV: OutilsRapport.pourcentCSV(b.plusieursFois.part, seuil: s)),
            ChiffreCle(libelle: "Jours d’ouverture (permanences)", colonne: .nombre, texte: String(b.joursOuverture), csv: String(b.joursOuverture),
                       precedent: p.map { (String($0.joursOuverture), String($0.joursOuverture)) }),
            ChiffreCle(libelle: "Personnes accueillies par jour d’ouverture", colonne: .nombre, texte: parJour.texte, csv: parJour.csv),
            ChiffreCle(libelle: "Heures par personne (moyenne)", colonne: .heuresParBeneficiaire, texte: moyenne.texte, csv: moyenne.csv,
                       precedent: p.map { heuresMoyennes($0.heuresParBeneficiaire, masque: $0.beneficiaires.masque || $0.heures == nil) }),
            ChiffreCle(libelle: "Heures par personne (médiane)", colonne: .heuresParBeneficiaire, texte: mediane.texte, csv: mediane.csv),
            ChiffreCle(libelle: "Heures de séances collectives délivrées", colonne: .heures, texte: Format.heures(b.heuresDelivrees),
                       csv: Format.nombre(b.heuresDelivrees)),
        ]
        // Compared: every figure has a previous column, empty where the previous period does not have it.
        if p != nil { for i in chiffres.indices where chiffres[i].precedent == nil { chiffres[i].precedent = ("", "") } }
        return chiffres
    }

    /// The cases of a row by kind of activity or place: hours, visits, people, share, hours per person.
    static func cases(_ l: LigneActivite, seuil: Int?) -> [String] {
        [OutilsRapport.heures(l.heures), l.passages.texte(seuil: seuil), l.beneficiaires.texte(seuil: seuil), l.part.texte(seuil: seuil),
         OutilsRapport.heures(l.heuresParBeneficiaire)]
    }

    /// Nothing to show: no row, or every count published and zero.
    static func vide(_ lignes: [LigneRepartition]) -> Bool {
        lignes.allSatisfy { !$0.nombre.masque && $0.nombre.nombre == 0 }
    }

    /// The breakdowns of people shown as bars, in order: id, title, rows.
    static func repartitions(_ b: BilanActivite) -> [(id: String, titre: String, lignes: [LigneRepartition])] {
        [("sexe", "Par sexe", b.parSexe), ("age", "Par tranche d’âge (âge en \(b.anneeReference))", b.parAge),
         ("majorite", "Mineurs et adultes", b.parMajorite)]
    }

    /// UTF-8 with BOM, ";" separated, decimal comma, CRLF line ends; see ``colonnesCSV``.
    public static func csv(_ b: BilanActivite) -> Data {
        let s = b.seuil
        var lignes = [colonnesCSV]
        func ligne(_ rubrique: String, _ categorie: String, sous: String = "", nombre: String = "", part: String = "", heures: String = "",
                   passages: String = "", parBeneficiaire: String = "", precedent: String = "") {
            lignes.append([rubrique, categorie, sous, nombre, part, heures, passages, parBeneficiaire, precedent])
        }
        ligne("periode", "période", sous: "\(b.du)/\(b.au)", precedent: b.precedent.map { "\($0.du)/\($0.au)" } ?? "")
        for a in b.avertissements { ligne("avertissement", a) }
        for c in chiffresCles(b) {
            let precedent = c.precedent?.csv ?? ""
            switch c.colonne {
            case .nombre: ligne("chiffres_cles", c.libelle, nombre: c.csv, part: c.partCSV, precedent: precedent)
            case .heures: ligne("chiffres_cles", c.libelle, heures: c.csv, precedent: precedent)
            case .passages: ligne("chiffres_cles", c.libelle, passages: c.csv, precedent: precedent)
            case .heuresParBeneficiaire: ligne("chiffres_cles", c.libelle, parBeneficiaire: c.csv, precedent: precedent)
            }
        }
        for (rubrique, activites) in [("type_activite", b.parActivite), ("lieu", b.parLieu)] {
            for l in activites {
                ligne(rubrique, l.libelle, nombre: l.beneficiaires.texte(seuil: s), part: OutilsRapport.pourcentCSV(l.part, seuil: s),
                      heures: OutilsRapport.heures(l.heures), passages: l.passages.texte(seuil: s), parBeneficiaire: OutilsRapport.heures(l.heuresParBeneficiaire))
            }
        }
        for (rubrique, repartition) in [("histogramme", b.histogramme), ("assiduite", b.repartitionHeures), ("sexe", b.parSexe), ("age", b.parAge),
                                        ("majorite", b.parMajorite), ("thematique", b.thematiques),
                                        ("thematique_seances", b.thematiquesSeances)] {
            for l in repartition {
                ligne(rubrique, l.libelle, nombre: l.nombre.texte(seuil: s), part: OutilsRapport.pourcentCSV(l.part, seuil: s))
            }
        }
        let qualite = (b.satisfaction.map { RenduQualite.lignesCSV($0, seuil: s) } ?? []) + RenduQualite.lignesCSV(b.suivis, seuil: s)
        for l in qualite { ligne(l.rubrique, l.categorie, sous: l.sousCategorie, nombre: l.nombre, part: l.part) }
        for t in b.temoignages { ligne("temoignage", t.texte, sous: [t.signature, t.contexte].filter { !$0.isEmpty }.joined(separator: ", ")) }
        return OutilsRapport.csv(lignes)
    }

    /// The review as JSON: sorted keys, pretty.
    public static func json(_ b: BilanActivite) throws -> Data { try OutilsRapport.json(b) }

    /// "du 01/01/2026 au 30/06/2026".
    static func periode(du: String, au: String) -> String {
        "du \(Jour(du)?.francais ?? du) au \(Jour(au)?.francais ?? au)"
    }

    static func periode(_ b: BilanActivite) -> String { periode(du: b.du, au: b.au) }
}
