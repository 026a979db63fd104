import Foundation

/// Reads the CSV exports of Pix Orga campaigns (reference/pix.md §4): profiles collection,
/// assessment or exam (decision 55), current or older headers. Columns are recognised by name, whatever their position.
public enum LecturePixOrga {
    /// What one header column means.
    enum Colonne: Hashable, Sendable {
        case organisation, idCampagne, code, nomCampagne, parcours, nom, prenom
        case envoi, dateEnvoi, pixTotal, certifiable, competencesCertifiables
        case progression, dateDebut, partage, datePartage
        /// "Palier obtenu (/N)".
        case palier(max: Int?)
        /// "% maitrise de l'ensemble des acquis du profil".
        case maitrise
        case niveau(competence: String)
        case pixCompetence(competence: String)
        case maitriseCompetence(competence: String)
        case acquisCompetence(competence: String)
        case acquisMaitrisesCompetence(competence: String)
        case maitriseDomaine(domaine: String)
        case acquisDomaine(domaine: String)
        case acquisMaitrisesDomaine(domaine: String)
        /// "{badge} obtenu (O/N)".
        case badge(String)
        /// "@web1".
        case acquis(String)
        case identifiantExterne
        /// A column Livret does not use (listed in `colonnesIgnorees`).
        case ignoree

        /// Whether the value exists only when the participant sent / shared their results.
        var estResultat: Bool {
            switch self {
            case .organisation, .idCampagne, .code, .nomCampagne, .parcours, .nom, .prenom, .identifiantExterne, .ignoree,
                 .envoi, .partage, .progression, .dateDebut:
                false
            default:
                true
            }
        }
    }

    /// Fixed columns and their accepted spellings (current first, then older ones).
    static let fixes: [(Colonne, [String])] = [
        (.organisation, ["Nom de l'organisation"]),
        (.idCampagne, ["ID Campagne"]),
        (.code, ["Code"]),
        (.nomCampagne, ["Nom de la campagne"]),
        (.parcours, ["Parcours", "Nom du Profil Cible"]),
        (.nom, ["Nom du Participant"]),
        (.prenom, ["Prénom du Participant"]),
        (.envoi, ["Envoi (O/N)"]),
        (.dateEnvoi, ["Date et heure de l'envoi (Europe/Paris)", "Date et heure de l'envoi", "Date de l'envoi"]),
        (.pixTotal, ["Nombre de pix total"]),
        (.certifiable, ["Certifiable (O/N)"]),
        (.competencesCertifiables, ["Nombre de compétences certifiables"]),
        (.progression, ["% de progression"]),
        (.dateDebut, ["Date et heure de début (Europe/Paris)", "Date et heure de début", "Date de début"]),
        (.partage, ["Partage (O/N)"]),
        (.datePartage, ["Date et heure du partage (Europe/Paris)", "Date et heure du partage", "Date du partage"]),
        (.maitrise, ["% maitrise de l'ensemble des acquis du profil"]),
    ]

    static let prefixesCompetence: [(String, @Sendable (String) -> Colonne)] = [
        ("Niveau pour la compétence ", { .niveau(competence: $0) }),
        ("Nombre de pix pour la compétence ", { .pixCompetence(competence: $0) }),
        ("% de maitrise des acquis de la compétence ", { .maitriseCompetence(competence: $0) }),
        ("Nombre d'acquis du profil cible dans la compétence ", { .acquisCompetence(competence: $0) }),
        ("Acquis maitrisés dans la compétence ", { .acquisMaitrisesCompetence(competence: $0) }),
    ]

    static let prefixesDomaine: [(String, @Sendable (String) -> Colonne)] = [
        ("% de maitrise des acquis du domaine ", { .maitriseDomaine(domaine: $0) }),
        ("Nombre d'acquis du profil cible du domaine ", { .acquisDomaine(domaine: $0) }),
        ("Acquis maitrisés du domaine ", { .acquisMaitrisesDomaine(domaine: $0) }),
    ]

    /// Organisation columns that are never the external id.
    static let colonnesOrganisation: Set<String> = ["groupe", "classe", "numero etudiant"]

    static func cle(_ texte: String) -> String { NormalisationTitre.cle(texte) }

    /// Reads a Pix Orga campaign export (profiles collection or assessment, current or older headers).
    ///
    /// - Parameters:
    ///   - donnees: the file's bytes (UTF-8, BOM or not).
    ///   - fichier: the file name, for messages.
    ///   - pix: the Pix référentiel, to match competence and domain titles.
    /// - Returns: the campaign (from the first data line) and one participation per line.
    /// - Throws: every problem of the file, by line and column. A file without data line
    ///   (empty, or header only) is an error: the campaign cannot be known.
    public static func lire(_ donnees: Data, fichier: String, pix: ReferentielPix) throws(ErreursImport) -> ExportPixOrga {
        let (entete, donneesLignes) = try LecteurCSV.decouper(
            donnees, fichier: fichier,
            conseilEncodage: "téléchargez à nouveau l'export depuis Pix Orga sans l'ouvrir dans un tableur.",
            siVide: "le fichier est vide ; attendu un export de campagne Pix Orga (fichier « Resultats-….csv »).")

        // Header.
        var erreurs: [ErreurImport] = []
        let noms = entete.champs.map { CellulesPix.texte($0.replacingOccurrences(of: "\u{FEFF}", with: "")) }
        var colonnes: [Colonne?] = noms.map { nom in
            classer(nom, pix: pix, fichier: fichier, ligne: entete.ligne, erreurs: &erreurs)
        }

        let indexEnvoi = colonnes.firstIndex(of: .envoi)
        let indexProgression = colonnes.firstIndex(of: .progression)
        let genre: ExportPixOrga.Genre
        let ancre: Int
        if let indexEnvoi {
            genre = .collecteProfils
            ancre = indexEnvoi
        } else if let indexProgression {
            genre = .evaluation
            ancre = indexProgression
        } else if let indexPartage = colonnes.firstIndex(of: .partage) {
            // Pix writes an EXAM campaign with the assessment columns but without « % de progression ».
            genre = .examen
            ancre = min(indexPartage, colonnes.firstIndex(of: .dateDebut) ?? indexPartage)
        } else {
            throw ErreursImport(erreurs: [ErreurImport(fichier: fichier, ligne: entete.ligne,
                message: "ce fichier n'est pas un export de campagne Pix Orga : attendu une colonne « Envoi (O/N) » (collecte de profils), "
                    + "« % de progression » (campagne d'évaluation) ou « Partage (O/N) » (campagne d'examen), "
                    + "avec « Nom du Participant » et « Prénom du Participant » ; "
                    + "colonnes trouvées : " + noms.map { "« \($0) »" }.joined(separator: ", ") + ".")])
        }

        // The external id: the last unknown column before Envoi / % de progression, unless it is Groupe, Classe, Numéro Étudiant.
        var libelleIdentifiantExterne: String?
        if let index = colonnes[..<ancre].lastIndex(where: { $0 == nil }), !colonnesOrganisation.contains(cle(noms[index])) {
            colonnes[index] = .identifiantExterne
            libelleIdentifiantExterne = noms[index]
        }
        var colonnesIgnorees: [String] = []
        for index in colonnes.indices where colonnes[index] == nil {
            colonnes[index] = .ignoree
            colonnesIgnorees.append(noms[index])
        }
        let kinds = colonnes.map { $0 ?? .ignoree }

        // Required and duplicate columns.
        var vues: Set<Colonne> = []
        for (index, colonne) in kinds.enumerated() where colonne != .ignoree {
            if vues.contains(colonne) {
                erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: noms[index],
                    message: "la colonne « \(noms[index]) » apparaît deux fois ; attendu une seule colonne de ce nom."))
            }
            vues.insert(colonne)
        }
        var requises: [(Colonne, String)] = [(.nom, "Nom du Participant"), (.prenom, "Prénom du Participant")]
        if genre != .collecteProfils { requises.append((.partage, "Partage (O/N)")) }
        let manquantes = requises.filter { !vues.contains($0.0) }
        if !manquantes.isEmpty {
            for (_, libelle) in manquantes {
                erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne, champ: libelle,
                    message: "la colonne « \(libelle) » manque ; attendu un export de campagne Pix Orga complet."))
            }
            throw ErreursImport(erreurs: erreurs)
        }

        guard !donneesLignes.isEmpty else {
            erreurs.append(ErreurImport(fichier: fichier, ligne: entete.ligne + 1,
                message: "l'export ne contient aucune participation ; attendu au moins une ligne de participant après l'en-tête."))
            throw ErreursImport(erreurs: erreurs)
        }

        // Lines.
        let maxNiveau = pix.niveaux.max
        let maxPixCompetence = pix.niveaux.max * pix.niveaux.pixParNiveau
        var campagne: ExportPixOrga.Campagne?
        var participations: [ParticipationPix] = []
        for enregistrement in donneesLignes {
            let ligne = enregistrement.ligne
            guard enregistrement.champs.count == kinds.count else {
                erreurs.append(ErreurImport(fichier: fichier, ligne: ligne,
                    message: "la ligne a \(Accord.nombre(enregistrement.champs.count, "champ")) alors que l'en-tête annonce \(Accord.nombre(kinds.count, "colonne")) ; "
                        + "attendu un export Pix Orga non modifié (vérifiez les séparateurs « ; » et les guillemets)."))
                continue
            }
            let champs = enregistrement.champs
            func valeur(_ colonne: Colonne) -> String? {
                kinds.firstIndex(of: colonne).map { CellulesPix.texte(champs[$0]) }
            }
            func erreur(_ index: Int, _ message: String) {
                erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, champ: noms[index], message: message))
            }
            func entier(_ index: Int, _ plage: ClosedRange<Int>, _ quoi: String) -> Int? {
                let brut = champs[index].trimmingCharacters(in: .whitespaces)
                if CellulesPix.estAbsent(brut) { return nil }
                guard let n = CellulesPix.entier(brut) else {
                    erreur(index, "« \(brut) » n'est pas un nombre entier ; attendu \(quoi) (nombre entier de \(plage.lowerBound) à \(plage.upperBound)) ou NA.")
                    return nil
                }
                guard plage.contains(n) else {
                    erreur(index, "\(n) est hors limites ; attendu \(quoi) de \(plage.lowerBound) à \(plage.upperBound), ou NA.")
                    return nil
                }
                return n
            }
            func taux(_ index: Int) -> Double? {
                let brut = champs[index].trimmingCharacters(in: .whitespaces)
                if CellulesPix.estAbsent(brut) { return nil }
                guard let x = CellulesPix.decimal(brut) else {
                    erreur(index, "« \(brut) » n'est pas un nombre ; attendu une fraction de 0 à 1 avec une virgule décimale (par exemple 0,67) ou NA.")
                    return nil
                }
                guard (0...1).contains(x) else {
                    erreur(index, "« \(brut) » est hors limites ; attendu une fraction de 0 à 1 (par exemple 0,67 pour 67 %) ou NA.")
                    return nil
                }
                return x
            }
            func date(_ index: Int) -> Jour? {
                let brut = champs[index].trimmingCharacters(in: .whitespaces)
                if CellulesPix.estAbsent(brut) { return nil }
                guard let jour = CellulesPix.jour(brut) else {
                    erreur(index, "« \(brut) » n'est pas une date ; attendu JJ/MM/AAAA HH:mm (par exemple 02/03/2019 00:04), "
                        + "AAAA-MM-JJ dans les exports plus anciens, ou NA.")
                    return nil
                }
                return jour
            }
            func booleen(_ index: Int, absentPermis: Bool = true) -> Bool? {
                let brut = champs[index].trimmingCharacters(in: .whitespaces)
                if absentPermis, CellulesPix.estAbsent(brut) { return nil }
                guard let b = CellulesPix.booleen(brut) else {
                    erreur(index, "« \(brut) » n'est pas une réponse ; attendu Oui ou Non\(absentPermis ? " (ou NA)" : "").")
                    return nil
                }
                return b
            }

            let indexPartage = kinds.firstIndex(of: genre == .collecteProfils ? .envoi : .partage)!
            let partage = booleen(indexPartage, absentPermis: false) ?? false
            var p = ParticipationPix(ligne: ligne, nom: valeur(.nom) ?? "", prenom: valeur(.prenom) ?? "", partage: partage)

            for (index, colonne) in kinds.enumerated() {
                if colonne.estResultat && !partage { continue }
                switch colonne {
                case .organisation, .idCampagne, .code, .nomCampagne, .parcours, .nom, .prenom, .ignoree, .envoi, .partage:
                    break
                case .identifiantExterne:
                    let id = CellulesPix.texte(champs[index])
                    p.identifiantExterne = id.isEmpty ? nil : id
                case .dateEnvoi, .datePartage:
                    p.datePartage = date(index)
                case .dateDebut:
                    p.dateDebut = date(index)
                case .pixTotal:
                    p.pixTotal = entier(index, 0...(maxPixCompetence * pix.competences.count), "un nombre de pix total")
                case .certifiable:
                    p.certifiable = booleen(index)
                case .competencesCertifiables:
                    p.competencesCertifiables = entier(index, 0...pix.competences.count, "un nombre de compétences")
                case .progression:
                    p.progression = taux(index)
                case .palier(let max):
                    if let palier = entier(index, 0...(max ?? Int.max), "un palier") {
                        p.palier = palier
                        p.palierMax = max
                    }
                case .maitrise:
                    p.maitrise = taux(index)
                case .niveau(let code):
                    if let n = entier(index, pix.niveaux.min...maxNiveau, "un niveau") { p.niveaux[code] = n }
                case .pixCompetence(let code):
                    if let n = entier(index, 0...maxPixCompetence, "un nombre de pix") { p.pix[code] = n }
                case .maitriseCompetence(let code):
                    if let x = taux(index) { p.maitriseParCompetence[code] = x }
                case .maitriseDomaine(let code):
                    if let x = taux(index) { p.maitriseParDomaine[code] = x }
                case .acquisCompetence, .acquisMaitrisesCompetence, .acquisDomaine, .acquisMaitrisesDomaine:
                    _ = entier(index, 0...Int.max, "un nombre d'acquis")
                case .badge(let badge):
                    if let b = booleen(index) { p.badges[badge] = b }
                case .acquis(let acquis):
                    let brut = CellulesPix.texte(champs[index])
                    if CellulesPix.estAbsent(brut) { break }
                    switch cle(brut) {
                    case "ok": p.acquis[acquis] = "OK"
                    case "ko": p.acquis[acquis] = "KO"
                    case "non teste": p.acquis[acquis] = "Non testé"
                    default:
                        erreur(index, "« \(brut) » n'est pas un résultat d'acquis ; attendu OK, KO ou Non testé (ou NA).")
                    }
                }
            }

            if campagne == nil {
                let parcours = valeur(.parcours)
                campagne = ExportPixOrga.Campagne(organisation: valeur(.organisation) ?? "", id: valeur(.idCampagne) ?? "",
                                                  code: valeur(.code) ?? "", nom: valeur(.nomCampagne) ?? "",
                                                  parcours: parcours.flatMap { CellulesPix.estAbsent($0) ? nil : $0 })
            }
            participations.append(p)
        }

        if !erreurs.isEmpty { throw ErreursImport(erreurs: erreurs) }
        return ExportPixOrga(genre: genre, campagne: campagne ?? ExportPixOrga.Campagne(organisation: "", id: "", code: "", nom: ""),
                             libelleIdentifiantExterne: libelleIdentifiantExterne, participations: participations,
                             colonnesIgnorees: colonnesIgnorees)
    }

    /// The meaning of a header column; nil when unknown (external id or ignored); an error for a
    /// competence or domain column whose title the référentiel does not know.
    static func classer(_ nom: String, pix: ReferentielPix, fichier: String, ligne: Int, erreurs: inout [ErreurImport]) -> Colonne? {
        let k = cle(nom)
        if let (colonne, _) = fixes.first(where: { $0.1.contains { cle($0) == k } }) { return colonne }
        if k.hasPrefix("palier obtenu") {
            let reste = k.dropFirst("palier obtenu".count).trimmingCharacters(in: .whitespaces)
            if reste.hasPrefix("(/"), reste.hasSuffix(")"), let max = Int(reste.dropFirst(2).dropLast()), max >= 0 { return .palier(max: max) }
            return .palier(max: nil)
        }
        for (prefixe, fabrique) in prefixesCompetence where k.hasPrefix(cle(prefixe)) {
            let titre = String(k.dropFirst(cle(prefixe).count))
            if let competence = pix.competence(correspondantAuTitre: titre) { return fabrique(competence.code) }
            erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, champ: nom,
                message: "compétence inconnue dans la colonne « \(nom) » ; attendu le titre d'une des 16 compétences Pix (par exemple « "
                    + (pix.competences.first?.titre ?? "Gérer des données") + " »)."))
            return .ignoree
        }
        for (prefixe, fabrique) in prefixesDomaine where k.hasPrefix(cle(prefixe)) {
            let titre = String(k.dropFirst(cle(prefixe).count))
            if let domaine = pix.domaine(correspondantAuTitre: titre) { return fabrique(domaine.code) }
            erreurs.append(ErreurImport(fichier: fichier, ligne: ligne, champ: nom,
                message: "domaine inconnu dans la colonne « \(nom) » ; attendu le titre d'un des domaines Pix ("
                    + pix.domaines.map { "« \($0.titre) »" }.joined(separator: ", ") + ")."))
            return .ignoree
        }
        if nom.hasPrefix("@") { return .acquis(nom) }
        let suffixe = " obtenu (o/n)"
        if k.hasSuffix(suffixe) {
            let fin = nom.range(of: "obtenu", options: [.backwards, .caseInsensitive])?.lowerBound ?? nom.endIndex
            return .badge(String(nom[..<fin]).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
