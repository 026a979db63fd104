import GRDB

extension Base {
    /// The frozen timeline of migrations. A shipped migration is never edited: changes are new steps.
    static var migrateur: DatabaseMigrator {
        var migrateur = DatabaseMigrator()
        migrateur.registerMigration("v1-suivi") { db in
            try db.execute(sql: """
            CREATE TABLE structure (
                id INTEGER PRIMARY KEY,
                nom TEXT NOT NULL,
                creeLe TEXT NOT NULL
            );
            CREATE TABLE formateur (
                id INTEGER PRIMARY KEY,
                nom TEXT NOT NULL UNIQUE COLLATE NOCASE
            );
            CREATE TABLE apprenant (
                id INTEGER PRIMARY KEY,
                identifiant TEXT NOT NULL UNIQUE,
                prenom TEXT, nom TEXT, pseudonyme TEXT,
                anneeNaissance INTEGER CHECK (anneeNaissance IS NULL OR anneeNaissance BETWEEN 1900 AND 2999),
                sexe TEXT NOT NULL CHECK (sexe IN ('feminin', 'masculin', 'autre', 'non_communique')),
                qpv TEXT NOT NULL CHECK (qpv IN ('oui', 'non', 'non_communique')),
                statutSocial TEXT NOT NULL CHECK (statutSocial IN ('scolarise', 'sans_emploi', 'en_emploi', 'retraite', 'non_communique')),
                niveauDiplome TEXT, email TEXT, telephone TEXT,
                efface INTEGER NOT NULL DEFAULT 0,
                creeLe TEXT NOT NULL,
                creePar INTEGER NOT NULL REFERENCES formateur(id)
            );
            -- Reports group learners by these categories: a narrow covering index avoids reading whole rows.
            CREATE INDEX apprenant_categories ON apprenant(id, sexe, anneeNaissance, qpv, statutSocial);
            CREATE TABLE consentement (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                date TEXT NOT NULL,
                suivi INTEGER NOT NULL, badges INTEGER NOT NULL, statistiques INTEGER NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id)
            );
            CREATE INDEX consentement_apprenant ON consentement(apprenantId);
            CREATE TABLE parcours (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                titre TEXT NOT NULL,
                modele TEXT NOT NULL, modeleVersion TEXT NOT NULL,
                heuresPrevues REAL NOT NULL CHECK (heuresPrevues > 0),
                assiduiteMinimale REAL NOT NULL CHECK (assiduiteMinimale BETWEEN 0 AND 1),
                certificationRequise INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE cohorte (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                parcoursId INTEGER NOT NULL REFERENCES parcours(id),
                titre TEXT NOT NULL,
                debut TEXT NOT NULL, fin TEXT,
                cloturee INTEGER NOT NULL DEFAULT 0,
                creePar INTEGER NOT NULL REFERENCES formateur(id)
            );
            CREATE TABLE seance (
                id INTEGER PRIMARY KEY,
                cohorteId INTEGER NOT NULL REFERENCES cohorte(id),
                date TEXT NOT NULL,
                minutesPrevues INTEGER NOT NULL CHECK (minutesPrevues > 0),
                theme TEXT,
                creePar INTEGER NOT NULL REFERENCES formateur(id),
                UNIQUE (id, cohorteId)
            );
            CREATE INDEX seance_cohorte ON seance(cohorteId, date);
            CREATE TABLE inscription (
                id INTEGER PRIMARY KEY,
                cohorteId INTEGER NOT NULL REFERENCES cohorte(id),
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                UNIQUE (cohorteId, apprenantId)
            );
            CREATE INDEX inscription_apprenant ON inscription(apprenantId);
            CREATE TABLE presence (
                seanceId INTEGER NOT NULL REFERENCES seance(id),
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                statut TEXT NOT NULL CHECK (statut IN ('present', 'excuse', 'absent')),
                minutes INTEGER NOT NULL CHECK (minutes >= 0),
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                -- The séance's cohort, repeated so per-inscription sums are index-only; the composite key keeps it true.
                cohorteId INTEGER NOT NULL,
                PRIMARY KEY (seanceId, apprenantId),
                FOREIGN KEY (seanceId, cohorteId) REFERENCES seance(id, cohorteId)
            ) WITHOUT ROWID;
            CREATE INDEX presence_apprenant ON presence(apprenantId, cohorteId, statut, minutes);
            CREATE TABLE etapeInscription (
                id INTEGER PRIMARY KEY,
                inscriptionId INTEGER NOT NULL REFERENCES inscription(id),
                statut TEXT NOT NULL CHECK (statut IN ('inscrit', 'en_cours', 'termine', 'abandon')),
                motif TEXT,
                date TEXT NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id)
            );
            CREATE INDEX etapeInscription_inscription ON etapeInscription(inscriptionId, id, statut);
            CREATE TABLE sortie (
                id INTEGER PRIMARY KEY,
                inscriptionId INTEGER NOT NULL REFERENCES inscription(id),
                type TEXT NOT NULL CHECK (type IN ('certification', 'emploi', 'formation', 'autre')),
                date TEXT NOT NULL, note TEXT,
                auteurId INTEGER NOT NULL REFERENCES formateur(id)
            );
            CREATE TABLE positionnement (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                date TEXT NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                eurostatInformation INTEGER CHECK (eurostatInformation BETWEEN 0 AND 2),
                eurostatCommunication INTEGER CHECK (eurostatCommunication BETWEEN 0 AND 2),
                eurostatResolution INTEGER CHECK (eurostatResolution BETWEEN 0 AND 2),
                eurostatLogiciels INTEGER CHECK (eurostatLogiciels BETWEEN 0 AND 2)
            );
            CREATE INDEX positionnement_apprenant ON positionnement(apprenantId);
            CREATE TABLE positionnementNiveau (
                positionnementId INTEGER NOT NULL REFERENCES positionnement(id),
                referentiel TEXT NOT NULL CHECK (referentiel IN ('aptic', 'pix')),
                code TEXT NOT NULL,
                niveau INTEGER NOT NULL,
                PRIMARY KEY (positionnementId, referentiel, code)
            ) WITHOUT ROWID;
            CREATE TABLE preuve (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                referentiel TEXT NOT NULL CHECK (referentiel IN ('aptic', 'pix')),
                code TEXT NOT NULL,
                niveau TEXT NOT NULL CHECK (niveau IN ('declaratif', 'suivi', 'autonomie', 'certifie')),
                date TEXT NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                note TEXT,
                remplace INTEGER REFERENCES preuve(id)
            );
            CREATE INDEX preuve_apprenant ON preuve(apprenantId, referentiel, code);
            CREATE TRIGGER preuve_sans_modification BEFORE UPDATE ON preuve
            BEGIN SELECT RAISE(ABORT, 'les preuves ne se modifient pas : ajoutez une preuve qui remplace'); END;
            CREATE TRIGGER preuve_sans_suppression BEFORE DELETE ON preuve
            BEGIN SELECT RAISE(ABORT, 'les preuves ne se suppriment pas'); END;
            CREATE TABLE profilPix (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                date TEXT NOT NULL,
                source TEXT NOT NULL,
                empreinte TEXT,
                campagne TEXT,
                partage INTEGER NOT NULL DEFAULT 1,
                progression REAL CHECK (progression IS NULL OR progression BETWEEN 0 AND 1),
                maitrise REAL CHECK (maitrise IS NULL OR maitrise BETWEEN 0 AND 1)
            );
            CREATE INDEX profilPix_apprenant ON profilPix(apprenantId, date);
            CREATE TABLE profilPixCompetence (
                profilId INTEGER NOT NULL REFERENCES profilPix(id),
                competence TEXT NOT NULL,
                niveau INTEGER NOT NULL CHECK (niveau BETWEEN 0 AND 8),
                pix INTEGER,
                PRIMARY KEY (profilId, competence)
            ) WITHOUT ROWID;
            CREATE TABLE certificationPix (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                code TEXT UNIQUE,
                numero TEXT UNIQUE,
                statut TEXT NOT NULL DEFAULT 'validee' CHECK (statut IN ('validee', 'rejetee', 'annulee', 'en_erreur', 'demarree')),
                session TEXT,
                date TEXT NOT NULL,
                centre TEXT,
                score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1024),
                palier INTEGER NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id)
            );
            CREATE INDEX certificationPix_apprenant ON certificationPix(apprenantId);
            CREATE TABLE certificationPixCompetence (
                certificationId INTEGER NOT NULL REFERENCES certificationPix(id),
                competence TEXT NOT NULL,
                niveau INTEGER NOT NULL CHECK (niveau BETWEEN 0 AND 8),
                PRIMARY KEY (certificationId, competence)
            ) WITHOUT ROWID;
            CREATE TABLE importPix (
                id INTEGER PRIMARY KEY,
                fichier TEXT NOT NULL,
                empreinte TEXT NOT NULL UNIQUE,
                genre TEXT NOT NULL,
                date TEXT NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                resume TEXT
            );
            -- Per inscription, the latest status and the minutes attended, kept by triggers in the same
            -- transaction as each status step or presence: reports read it instead of the full history.
            CREATE TABLE suiviInscription (
                inscriptionId INTEGER PRIMARY KEY REFERENCES inscription(id),
                cohorteId INTEGER NOT NULL,
                apprenantId INTEGER NOT NULL,
                statut TEXT NOT NULL,
                avance INTEGER NOT NULL,
                minutesSuivies INTEGER NOT NULL,
                UNIQUE (cohorteId, apprenantId)
            );
            CREATE TRIGGER suivi_inscription AFTER INSERT ON inscription
            BEGIN INSERT INTO suiviInscription VALUES (NEW.id, NEW.cohorteId, NEW.apprenantId, 'inscrit', 0, 0); END;
            CREATE TRIGGER suivi_etape AFTER INSERT ON etapeInscription
            BEGIN UPDATE suiviInscription SET statut = NEW.statut, avance = (avance OR NEW.statut <> 'inscrit')
                  WHERE inscriptionId = NEW.inscriptionId; END;
            CREATE TRIGGER suivi_presence_ajout AFTER INSERT ON presence WHEN NEW.statut = 'present'
            BEGIN UPDATE suiviInscription SET minutesSuivies = minutesSuivies + NEW.minutes
                  WHERE cohorteId = NEW.cohorteId AND apprenantId = NEW.apprenantId; END;
            CREATE TRIGGER suivi_presence_modif AFTER UPDATE ON presence
            BEGIN UPDATE suiviInscription
                  SET minutesSuivies = minutesSuivies - (CASE WHEN OLD.statut = 'present' THEN OLD.minutes ELSE 0 END)
                                                      + (CASE WHEN NEW.statut = 'present' THEN NEW.minutes ELSE 0 END)
                  WHERE cohorteId = NEW.cohorteId AND apprenantId = NEW.apprenantId; END;
            CREATE TRIGGER suivi_presence_retrait AFTER DELETE ON presence WHEN OLD.statut = 'present'
            BEGIN UPDATE suiviInscription SET minutesSuivies = minutesSuivies - OLD.minutes
                  WHERE cohorteId = OLD.cohorteId AND apprenantId = OLD.apprenantId; END;
            CREATE TABLE journal (
                id INTEGER PRIMARY KEY,
                date TEXT NOT NULL,
                auteurId INTEGER REFERENCES formateur(id),
                action TEXT NOT NULL,
                cible TEXT,
                detail TEXT
            );
            """)
        }
        migrateur.registerMigration("v2-badges") { db in
            try db.execute(sql: """
            CREATE TABLE emetteur (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                identifiant TEXT NOT NULL,
                nom TEXT NOT NULL,
                url TEXT,
                description TEXT
            );
            CREATE TABLE cleEmetteur (
                kid TEXT PRIMARY KEY,
                jwk TEXT NOT NULL,
                creeeLe TEXT NOT NULL,
                retireeLe TEXT
            );
            CREATE TABLE badge (
                id TEXT PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                reussite TEXT NOT NULL,
                emisLe TEXT NOT NULL,
                kid TEXT NOT NULL REFERENCES cleEmetteur(kid),
                jwt TEXT NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                revoqueLe TEXT,
                motifRevocation TEXT
            );
            CREATE INDEX badge_apprenant ON badge(apprenantId);
            CREATE UNIQUE INDEX badge_actif ON badge(apprenantId, reussite) WHERE revoqueLe IS NULL;
            CREATE TABLE listeRevocation (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                jwt TEXT NOT NULL,
                miseAJour TEXT NOT NULL
            );
            """)
        }
        // Corrections: a withdrawn preuve is followed by an appended retraction (the preuve stays
        // readable); corrected presences and deleted séances are written to the journal.
        migrateur.registerMigration("v3-corrections") { db in
            try db.execute(sql: """
            ALTER TABLE preuve ADD COLUMN retrait INTEGER NOT NULL DEFAULT 0 CHECK (retrait IN (0, 1));
            CREATE INDEX preuve_remplace ON preuve(remplace) WHERE remplace IS NOT NULL;
            """)
        }
        // Badge recipients that cannot be recovered (issue 16): a learner without e-mail is named in
        // her badges by a random identifier kept here, never by her phone or local identifier.
        migrateur.registerMigration("v4-titulaires") { db in
            try db.execute(sql: """
            CREATE TABLE titulaireBadges (
                apprenantId INTEGER PRIMARY KEY REFERENCES apprenant(id),
                identifiant TEXT NOT NULL UNIQUE
            );
            """)
        }
        // Signed bundle manifests: a manifest already signed keeps its signature, so that the same
        // bundle made twice is the same bytes (ECDSA signatures are random).
        migrateur.registerMigration("v5-signatures-manifestes") { db in
            try db.execute(sql: """
            CREATE TABLE signatureManifeste (
                empreinte TEXT PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                kid TEXT NOT NULL,
                jws TEXT NOT NULL
            );
            CREATE INDEX signatureManifeste_apprenant ON signatureManifeste(apprenantId);
            """)
        }
        // Revocation others can see (W3C Bitstring Status List): each credential's random index in
        // the published list, and the signed list itself (re-signed only when a bit changes).
        migrateur.registerMigration("v6-listes-statuts") { db in
            try db.execute(sql: """
            ALTER TABLE badge ADD COLUMN indexStatut INTEGER;
            CREATE UNIQUE INDEX badge_indexStatut ON badge(indexStatut) WHERE indexStatut IS NOT NULL;
            CREATE TABLE listeStatuts (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                url TEXT NOT NULL,
                jwt TEXT NOT NULL,
                miseAJour TEXT NOT NULL
            );
            """)
        }
        // Activity outside cohorts (issue 18): visits to permanences, appointments and one-off
        // workshops, for a learner or an anonymous person (sex and the years of birth of an age
        // band only); satisfaction questionnaires (free texts only with consent to quote them);
        // follow-ups some months after the action. Evidence may come from a visit.
        migrateur.registerMigration("v7-accompagnements") { db in
            try db.execute(sql: """
            CREATE TABLE accompagnement (
                id INTEGER PRIMARY KEY,
                date TEXT NOT NULL,
                minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 600),
                type TEXT NOT NULL CHECK (type IN ('permanence', 'rendez_vous', 'atelier')),
                lieu TEXT NOT NULL CHECK (lieu IN ('structure', 'partenaire', 'domicile', 'distance')),
                lieuNom TEXT,
                intervenantId INTEGER NOT NULL REFERENCES formateur(id),
                apprenantId INTEGER REFERENCES apprenant(id),
                sexe TEXT CHECK (sexe IS NULL OR sexe IN ('feminin', 'masculin', 'autre', 'non_communique')),
                naissanceMin INTEGER, naissanceMax INTEGER,
                autonomie TEXT CHECK (autonomie IS NULL OR autonomie IN ('accompagnement_complet', 'en_partie_autonome', 'autonome')),
                materiel TEXT NOT NULL DEFAULT '',
                note TEXT,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                CHECK ((apprenantId IS NULL) <> (sexe IS NULL)),
                CHECK ((naissanceMin IS NULL) = (naissanceMax IS NULL)),
                CHECK (naissanceMin IS NULL OR (apprenantId IS NULL AND naissanceMin <= naissanceMax))
            );
            CREATE INDEX accompagnement_date ON accompagnement(date, type);
            CREATE INDEX accompagnement_apprenant ON accompagnement(apprenantId, date) WHERE apprenantId IS NOT NULL;
            CREATE TABLE accompagnementTheme (
                accompagnementId INTEGER NOT NULL REFERENCES accompagnement(id),
                referentiel TEXT NOT NULL CHECK (referentiel IN ('coop', 'aptic')),
                code TEXT NOT NULL,
                PRIMARY KEY (accompagnementId, referentiel, code)
            ) WITHOUT ROWID;
            ALTER TABLE preuve ADD COLUMN accompagnementId INTEGER REFERENCES accompagnement(id);
            CREATE TABLE satisfaction (
                id INTEGER PRIMARY KEY,
                date TEXT NOT NULL,
                questionnaire TEXT NOT NULL,
                apprenantId INTEGER REFERENCES apprenant(id),
                cohorteId INTEGER REFERENCES cohorte(id),
                accompagnementId INTEGER REFERENCES accompagnement(id),
                mode TEXT NOT NULL CHECK (mode IN ('avec_formateur', 'seul')),
                q1 INTEGER CHECK (q1 BETWEEN 1 AND 4),
                q2 INTEGER CHECK (q2 BETWEEN 1 AND 4),
                q3 INTEGER CHECK (q3 BETWEEN 1 AND 4),
                q4 INTEGER CHECK (q4 BETWEEN 1 AND 4),
                aide TEXT,
                citation TEXT NOT NULL DEFAULT 'non' CHECK (citation IN ('non', 'anonyme', 'prenom')),
                temoignage TEXT,
                retenu INTEGER NOT NULL DEFAULT 0 CHECK (retenu IN (0, 1)),
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                CHECK ((cohorteId IS NULL) <> (accompagnementId IS NULL)),
                CHECK (cohorteId IS NULL OR apprenantId IS NOT NULL),
                CHECK (citation <> 'non' OR (aide IS NULL AND temoignage IS NULL AND retenu = 0))
            );
            CREATE INDEX satisfaction_cohorte ON satisfaction(cohorteId) WHERE cohorteId IS NOT NULL;
            CREATE INDEX satisfaction_accompagnement ON satisfaction(accompagnementId) WHERE accompagnementId IS NOT NULL;
            CREATE UNIQUE INDEX satisfaction_une_par_cohorte ON satisfaction(cohorteId, apprenantId) WHERE cohorteId IS NOT NULL;
            CREATE UNIQUE INDEX satisfaction_une_par_accompagnement ON satisfaction(accompagnementId) WHERE accompagnementId IS NOT NULL;
            CREATE TABLE suiviApresAction (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                cohorteId INTEGER REFERENCES cohorte(id),
                date TEXT NOT NULL,
                delaiMois INTEGER NOT NULL CHECK (delaiMois BETWEEN 1 AND 36),
                situation TEXT NOT NULL CHECK (situation IN ('emploi', 'formation', 'autre', 'sans_solution', 'sans_nouvelles')),
                contrat TEXT CHECK (contrat IS NULL OR contrat IN ('cdi', 'cdd', 'interim', 'alternance', 'contrat_aide', 'independant', 'autre')),
                tempsPartiel INTEGER CHECK (tempsPartiel IN (0, 1)),
                enLienFormation INTEGER CHECK (enLienFormation IN (0, 1)),
                precision TEXT,
                motif TEXT,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                CHECK (situation = 'emploi' OR (contrat IS NULL AND tempsPartiel IS NULL))
            );
            CREATE UNIQUE INDEX suiviApresAction_unique ON suiviApresAction(apprenantId, COALESCE(cohorteId, 0), delaiMois);
            -- Sign-in sheets imported, by the digest of their bytes: the same sheet is never imported twice.
            CREATE TABLE importAccompagnements (
                id INTEGER PRIMARY KEY,
                fichier TEXT NOT NULL,
                empreinte TEXT NOT NULL UNIQUE,
                date TEXT NOT NULL,
                auteurId INTEGER NOT NULL REFERENCES formateur(id),
                nombre INTEGER NOT NULL
            );
            """)
        }
        // The structure's contact (issue 19): printed on the CV and the attestation; its site is
        // where the badges' verification pages live. The issuer's own `url` column, never settable,
        // goes: the site is written once, on the structure.
        migrateur.registerMigration("v8-contact-structure") { db in
            try db.execute(sql: """
            ALTER TABLE structure ADD COLUMN adresse TEXT;
            ALTER TABLE structure ADD COLUMN telephone TEXT;
            ALTER TABLE structure ADD COLUMN courriel TEXT;
            ALTER TABLE structure ADD COLUMN site TEXT CHECK (site IS NULL OR site LIKE 'https://%');
            UPDATE structure SET site = (SELECT rtrim(url, '/') FROM emetteur WHERE id = 1 AND url LIKE 'https://%');
            ALTER TABLE emetteur DROP COLUMN url;
            """)
        }
        // A fourth consent scope (issue 20): passing a learner's identity on to La Coop de la
        // médiation numérique. Nobody agreed to it before it existed.
        migrateur.registerMigration("v9-consentement-coop") { db in
            try db.execute(sql: "ALTER TABLE consentement ADD COLUMN coop INTEGER NOT NULL DEFAULT 0 CHECK (coop IN (0, 1))")
        }
        // The APTIC variant the structure works with (issue 20): nil for the national nomenclature.
        // Only the code: the variant itself stays a versioned file of the référentiels.
        migrateur.registerMigration("v10-variante-aptic") { db in
            try db.execute(sql: "ALTER TABLE structure ADD COLUMN variante_aptic TEXT CHECK (variante_aptic IS NULL OR length(variante_aptic) BETWEEN 1 AND 100)")
        }
        // Pix examen, grands débutants and CléA numérique (issue 20, decision 55): the kind of campaign
        // a snapshot comes from, the CléA badge of its target profile, and the CléA column of the Pix
        // Certif results with the file it came from. What was imported before stays NULL (unknown).
        migrateur.registerMigration("v11-pix-clea") { db in
            try db.execute(sql: """
            ALTER TABLE profilPix ADD COLUMN genre TEXT
                CHECK (genre IS NULL OR genre IN ('collecte_profils', 'evaluation', 'examen', 'grands_debutants'));
            ALTER TABLE profilPix ADD COLUMN badgeCleA INTEGER CHECK (badgeCleA IS NULL OR badgeCleA IN (0, 1));
            ALTER TABLE certificationPix ADD COLUMN clea TEXT
                CHECK (clea IS NULL OR clea IN ('validee', 'rejetee', 'non_passee', 'annulee'));
            ALTER TABLE certificationPix ADD COLUMN source TEXT;
            """)
        }
        // Whether the person was sent on to another structure (issue 20, La Coop's individual CRA):
        // nil when not said, « pas_orientee », or the kind of structure (La Coop's API values).
        // Rows already there keep nil: nobody was asked.
        migrateur.registerMigration("v12-orientation") { db in
            try db.execute(sql: """
            ALTER TABLE accompagnement ADD COLUMN orientation TEXT CHECK (orientation IS NULL OR orientation IN (
                'pas_orientee', 'administration', 'mediation_numerique', 'operateur_ou_organisme_en_charge', 'aide_sociale',
                'insertion_professionnelle', 'aide_aux_demarches_administratives', 'autre'))
            """)
        }
        // What a séance worked on is the APTIC evidence of its day by the people present (the activity
        // review's séances by thématique, La Coop's collective CRA): found by person and day, not by
        // reading each person's whole record (11 s → 0.8 s for a national year, docs/PERFORMANCE.md).
        migrateur.registerMigration("v13-preuve-jour") { db in
            try db.execute(sql: "CREATE INDEX preuve_jour ON preuve(apprenantId, date) WHERE referentiel = 'aptic'")
        }
        // The learner's own space (issue 21, decision 59): one-time sign-in codes (only a salted hash
        // kept), the CV choices a learner made herself (the most any CV made for her may show), her
        // requests for erasure (confirmed by the formatrice), and whether a consent was given by the
        // person herself in her space.
        migrateur.registerMigration("v14-espace") { db in
            try db.execute(sql: """
            CREATE TABLE codeEspace (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                sel BLOB NOT NULL CHECK (length(sel) = 16),
                empreinte BLOB NOT NULL CHECK (length(empreinte) = 32),
                donneLe INTEGER NOT NULL,
                utiliseLe INTEGER,
                auteurId INTEGER NOT NULL REFERENCES formateur(id)
            );
            CREATE INDEX codeEspace_donne ON codeEspace(donneLe);
            CREATE TABLE choixCV (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                date TEXT NOT NULL,
                choix TEXT NOT NULL CHECK (json_valid(choix))
            );
            CREATE INDEX choixCV_apprenant ON choixCV(apprenantId);
            CREATE TABLE demandeEffacement (
                id INTEGER PRIMARY KEY,
                apprenantId INTEGER NOT NULL REFERENCES apprenant(id),
                date TEXT NOT NULL,
                faiteLe TEXT
            );
            CREATE INDEX demandeEffacement_apprenant ON demandeEffacement(apprenantId);
            ALTER TABLE consentement ADD COLUMN parLaPersonne INTEGER NOT NULL DEFAULT 0 CHECK (parLaPersonne IN (0, 1));
            """)
        }
        return migrateur
    }
}
