-- One agency, one innovation (docs/design/hubs.md): whether and from which year a province obliges every regional
-- agency (OPD) to develop at least one innovation a year. The agencies themselves are rows of "agencies".
CREATE TABLE province_policies (
    province_code character varying(13) NOT NULL,
    adopted_from_year integer NOT NULL,
    decree character varying(200),
    recorded_by integer,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_province_policies PRIMARY KEY (province_code),
    CONSTRAINT fk_province_policies_regions_province_code FOREIGN KEY (province_code) REFERENCES regions (code) ON DELETE RESTRICT,
    CONSTRAINT fk_province_policies_users_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_province_policies_recorded_by ON province_policies (recorded_by);
