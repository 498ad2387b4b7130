package dev.bellows.verify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypeWideningTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "character varying(50) | character varying(200) | true",
            "character varying(50) | text                   | true",
            "character varying(50) | character varying      | true",
            "character varying(50) | character varying(10)  | false",
            "text                  | character varying(100) | false",
            "integer               | bigint                 | true",
            "smallint              | integer                | true",
            "bigint                | integer                | false",
            "numeric(10,2)         | numeric(12,2)          | true",
            "numeric(10,2)         | numeric(12,3)          | false",
            "numeric(10,2)         | numeric                | true",
            "real                  | double precision       | true",
            "integer               | text                   | false",
            "timestamp without time zone | timestamp with time zone | false",
            "int(11)               | bigint(20)             | true",
            "varchar(50)           | varchar(200)           | true",
            "int(10) unsigned      | int(11)                | false",
            "character(5)          | character(10)          | false",
            "decimal(10,2)         | decimal(12,2)          | true",
            "timestamp(3) without time zone | timestamp(6) without time zone | true",
            "timestamp(3) without time zone | timestamp without time zone    | true",
            "timestamp without time zone    | timestamp(3) without time zone | false",
            "timestamp(6) without time zone | timestamp(3) without time zone | false",
            "timestamp(3) with time zone    | timestamp(6) with time zone    | true",
            "timestamp(3) without time zone | timestamp(6) with time zone    | false",
            "time(3) with time zone         | time(6) with time zone         | true",
            "time(3) without time zone      | time without time zone         | true",
            "time(6) without time zone      | time(0) without time zone      | false",
            "interval(3)                    | interval                       | true",
            "interval day to second(3)      | interval day to second(6)      | true",
            "character varying(50)[]        | character varying(80)[]        | true",
            "character varying(50)[]        | character varying(80)          | false",
            "bit varying(5)                 | bit varying(10)                | true",
            "bit(5)                         | bit(10)                        | false",
            "character(5)                   | character                      | false",
            "datetime(3)                    | datetime(6)                    | true",
            "datetime                       | datetime(3)                    | true",
            "datetime(3)                    | datetime                       | false",
            "timestamp(6)                   | timestamp(3)                   | false",
            "bigint unsigned                | bigint                         | false",
            "enum('a','b')                  | enum('a','b','c')              | true",
            "enum('a','b')                  | enum('a','c','b')              | false",
            "enum('a','b')                  | enum('a')                      | false",
            "set('x')                       | set('x','y')                   | true"})
    void onlyWideningKeepsThePreviousReleaseWorking(String from, String to, boolean compatible) {
        assertThat(TypeWidening.compatible(from, to)).isEqualTo(compatible);
    }
}
