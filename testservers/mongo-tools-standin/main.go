// Command mongo-tools-standin stands in for mongodump and mongorestore (MongoDB Database Tools 100.x) in
// edxstack's tests, because the tools' Go module cannot be fetched here. It is not those tools: it accepts exactly
// the command lines the backup agent runs (io.edxstack.backup.MongoTools), talks to a real server over the wire
// protocol with the official Go driver, and writes or reads its own archive format (below), not mongodump's.
// Invoked as "mongodump" or "mongorestore" (symlinks in the test-servers cache), it behaves as that tool;
// any other flag is refused, so a changed command line fails the tests instead of being ignored.
//
// Archive: a sequence of records, each one kind byte and one BSON document:
//
//	'H' {format, version, db}       once, first
//	'C' {name, indexes}             a collection starts; its documents follow
//	'D' <document>                  one document of the current collection, as stored
//	'E' {name, count}               the collection ends after count documents
//	'Z' {collections}               the archive ends; a stream without it is truncated
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"gopkg.in/yaml.v3"
)

const (
	format  = "edxstack-mongo-archive-standin"
	version = "stand-in for MongoDB Database Tools (edxstack, mongo-driver 1.17.10)"
	// Documents per insert, well under the 16 MiB message limit for Open edX's documents.
	batchSize = 500
)

func main() {
	tool := filepath.Base(os.Args[0])
	if err := run(tool, os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "Failed: %v\n", err)
		os.Exit(1)
	}
}

func run(tool string, args []string) error {
	if len(args) == 1 && args[0] == "--version" {
		fmt.Printf("%s version: %s\n", tool, version)
		return nil
	}
	flags, err := parseFlags(tool, args)
	if err != nil {
		return err
	}
	if !flags.has("archive") {
		return errors.New("only --archive (stdin/stdout) is supported by the stand-in")
	}
	uri, password, err := readConfig(flags.value("config"))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Hour)
	defer cancel()
	client, err := connect(ctx, uri, password)
	if err != nil {
		return err
	}
	defer client.Disconnect(context.Background())
	switch tool {
	case "mongodump":
		out := bufio.NewWriterSize(os.Stdout, 1<<20)
		if err := dump(ctx, client.Database(flags.value("db")), out); err != nil {
			return err
		}
		return out.Flush()
	default:
		ns, err := newRenamer(flags)
		if err != nil {
			return err
		}
		return restore(ctx, client, bufio.NewReaderSize(os.Stdin, 1<<20), ns, flags.has("drop"))
	}
}

type flagSet map[string]string

func (f flagSet) has(name string) bool     { _, ok := f[name]; return ok }
func (f flagSet) value(name string) string { return f[name] }

// The flags each tool accepts, true when the flag takes a value.
var accepted = map[string]map[string]bool{
	"mongodump":    {"config": true, "db": true, "archive": false},
	"mongorestore": {"config": true, "archive": false, "drop": false, "stopOnError": false, "nsInclude": true, "nsFrom": true, "nsTo": true},
}

func parseFlags(tool string, args []string) (flagSet, error) {
	known, ok := accepted[tool]
	if !ok {
		return nil, fmt.Errorf("invoked as %q; the stand-in runs as mongodump or mongorestore", tool)
	}
	flags := flagSet{}
	for _, arg := range args {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(arg, "--"), "=")
		takesValue, known := known[name]
		if !strings.HasPrefix(arg, "--") || !known || takesValue != hasValue {
			return nil, fmt.Errorf("unsupported argument %q for %s", arg, tool)
		}
		flags[name] = value
	}
	for name, takesValue := range known {
		if takesValue && !flags.has(name) {
			return nil, fmt.Errorf("%s needs --%s", tool, name)
		}
	}
	return flags, nil
}

// readConfig reads the --config YAML file as the tools do: uri and password, nothing else.
func readConfig(path string) (string, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("error reading config file: %v", err)
	}
	var config struct {
		URI      string `yaml:"uri"`
		Password string `yaml:"password"`
	}
	decoder := yaml.NewDecoder(strings.NewReader(string(data)))
	decoder.KnownFields(true)
	if err := decoder.Decode(&config); err != nil {
		return "", "", fmt.Errorf("error parsing config file: %v", err)
	}
	if config.URI == "" {
		return "", "", errors.New("config file has no uri")
	}
	return config.URI, config.Password, nil
}

func connect(ctx context.Context, uri, password string) (*mongo.Client, error) {
	opts := options.Client().ApplyURI(uri).SetServerSelectionTimeout(30 * time.Second)
	if password != "" {
		if opts.Auth == nil || opts.Auth.Username == "" {
			return nil, errors.New("config has a password but the uri names no user")
		}
		opts.Auth.Password = password
		opts.Auth.PasswordSet = true
	}
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("can't create session: %v", err)
	}
	if err := client.Ping(ctx, nil); err != nil {
		return nil, fmt.Errorf("can't create session: %v", err)
	}
	return client, nil
}

func writeRecord(out io.Writer, kind byte, doc []byte) error {
	if _, err := out.Write([]byte{kind}); err != nil {
		return err
	}
	_, err := out.Write(doc)
	return err
}

func marshal(doc bson.M) []byte {
	data, err := bson.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return data
}

func dump(ctx context.Context, db *mongo.Database, out io.Writer) error {
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return fmt.Errorf("error listing collections of %s: %v", db.Name(), err)
	}
	if err := writeRecord(out, 'H', marshal(bson.M{"format": format, "version": 1, "db": db.Name()})); err != nil {
		return err
	}
	dumped := 0
	for _, name := range names {
		if strings.HasPrefix(name, "system.") {
			continue
		}
		if err := dumpCollection(ctx, db.Collection(name), out); err != nil {
			return fmt.Errorf("error writing data for collection %s.%s: %v", db.Name(), name, err)
		}
		dumped++
	}
	return writeRecord(out, 'Z', marshal(bson.M{"collections": dumped}))
}

func dumpCollection(ctx context.Context, coll *mongo.Collection, out io.Writer) error {
	indexes, err := indexSpecs(ctx, coll)
	if err != nil {
		return err
	}
	if err := writeRecord(out, 'C', marshal(bson.M{"name": coll.Name(), "indexes": indexes})); err != nil {
		return err
	}
	cursor, err := coll.Find(ctx, bson.D{}, options.Find().SetBatchSize(1000))
	if err != nil {
		return err
	}
	defer cursor.Close(ctx)
	count := 0
	for cursor.Next(ctx) {
		if err := writeRecord(out, 'D', cursor.Current); err != nil {
			return err
		}
		count++
	}
	if err := cursor.Err(); err != nil {
		return err
	}
	return writeRecord(out, 'E', marshal(bson.M{"name": coll.Name(), "count": count}))
}

// indexSpecs: the secondary indexes' keys, names and uniqueness (the _id index is implicit).
func indexSpecs(ctx context.Context, coll *mongo.Collection) (bson.A, error) {
	cursor, err := coll.Indexes().List(ctx)
	if err != nil {
		return nil, err
	}
	defer cursor.Close(ctx)
	specs := bson.A{}
	for cursor.Next(ctx) {
		var index struct {
			Name   string `bson:"name"`
			Key    bson.D `bson:"key"`
			Unique bool   `bson:"unique"`
		}
		if err := cursor.Decode(&index); err != nil {
			return nil, err
		}
		if index.Name != "_id_" {
			specs = append(specs, bson.M{"name": index.Name, "key": index.Key, "unique": index.Unique})
		}
	}
	return specs, cursor.Err()
}

// renamer applies --nsInclude and --nsFrom/--nsTo with one $var$ placeholder, the forms the agent uses.
type renamer struct {
	include            string
	fromHead, fromTail string
	toHead, toTail     string
}

func newRenamer(flags flagSet) (renamer, error) {
	split := func(flag, pattern string) (string, string, error) {
		start := strings.Index(pattern, "$")
		end := strings.LastIndex(pattern, "$")
		if start < 0 || end == start || strings.Count(pattern, "$") != 2 {
			return "", "", fmt.Errorf("--%s=%s: the stand-in supports exactly one $var$", flag, pattern)
		}
		return pattern[:start], pattern[end+1:], nil
	}
	var r renamer
	var err error
	if r.fromHead, r.fromTail, err = split("nsFrom", flags.value("nsFrom")); err != nil {
		return r, err
	}
	if r.toHead, r.toTail, err = split("nsTo", flags.value("nsTo")); err != nil {
		return r, err
	}
	include := flags.value("nsInclude")
	if !strings.HasSuffix(include, ".*") || strings.Count(include, "*") != 1 {
		return r, fmt.Errorf("--nsInclude=%s: the stand-in supports <db>.* only", include)
	}
	r.include = strings.TrimSuffix(include, "*")
	return r, nil
}

// target returns the namespace a source namespace restores to, or "" when --nsInclude excludes it.
func (r renamer) target(ns string) (string, error) {
	if !strings.HasPrefix(ns, r.include) {
		return "", nil
	}
	if !strings.HasPrefix(ns, r.fromHead) || !strings.HasSuffix(ns, r.fromTail) {
		return "", fmt.Errorf("namespace %s does not match --nsFrom", ns)
	}
	variable := strings.TrimSuffix(strings.TrimPrefix(ns, r.fromHead), r.fromTail)
	return r.toHead + variable + r.toTail, nil
}

func readRecord(in *bufio.Reader) (byte, bson.Raw, error) {
	kind, err := in.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	raw, err := bson.ReadDocument(in)
	if err != nil {
		return 0, nil, fmt.Errorf("reading a record of kind %q: %v", kind, err)
	}
	return kind, raw, nil
}

func restore(ctx context.Context, client *mongo.Client, in *bufio.Reader, ns renamer, drop bool) error {
	kind, header, err := readRecord(in)
	if err != nil || kind != 'H' || header.Lookup("format").StringValue() != format {
		return fmt.Errorf("stream is not a stand-in archive (%v)", err)
	}
	db := header.Lookup("db").StringValue()
	var coll *mongo.Collection
	var indexes bson.Raw
	var batch []interface{}
	inserted := 0
	flush := func() error {
		if len(batch) == 0 || coll == nil {
			batch = batch[:0]
			return nil
		}
		_, err := coll.InsertMany(ctx, batch, options.InsertMany().SetOrdered(true))
		inserted += len(batch)
		batch = batch[:0]
		return err
	}
	for {
		kind, record, err := readRecord(in)
		if errors.Is(err, io.EOF) {
			return errors.New("archive ended before its end marker, perhaps it was truncated")
		}
		if err != nil {
			return err
		}
		switch kind {
		case 'C':
			name := record.Lookup("name").StringValue()
			target, err := ns.target(db + "." + name)
			if err != nil {
				return err
			}
			coll, inserted, indexes = nil, 0, nil
			if target == "" {
				continue
			}
			targetDB, targetColl, _ := strings.Cut(target, ".")
			coll = client.Database(targetDB).Collection(targetColl)
			indexes = record.Lookup("indexes").Array()
			if drop {
				if err := coll.Drop(ctx); err != nil {
					return fmt.Errorf("dropping %s: %v", target, err)
				}
			}
			if err := client.Database(targetDB).CreateCollection(ctx, targetColl); err != nil {
				return fmt.Errorf("creating %s: %v", target, err)
			}
		case 'D':
			if coll != nil {
				batch = append(batch, record)
				if len(batch) == batchSize {
					if err := flush(); err != nil {
						return fmt.Errorf("inserting into %s: %v", coll.Name(), err)
					}
				}
			}
		case 'E':
			if coll == nil {
				continue
			}
			if err := flush(); err != nil {
				return fmt.Errorf("inserting into %s: %v", coll.Name(), err)
			}
			if want := record.Lookup("count").AsInt64(); want != int64(inserted) {
				return fmt.Errorf("%s: archive says %d documents, %d restored", coll.Name(), want, inserted)
			}
			if err := createIndexes(ctx, coll, indexes); err != nil {
				return fmt.Errorf("creating indexes of %s: %v", coll.Name(), err)
			}
			fmt.Fprintf(os.Stderr, "finished restoring %s (%d documents)\n", coll.Name(), inserted)
			coll = nil
		case 'Z':
			return nil
		default:
			return fmt.Errorf("unknown record kind %q, perhaps the archive is corrupt", kind)
		}
	}
}

func createIndexes(ctx context.Context, coll *mongo.Collection, specs bson.Raw) error {
	values, err := specs.Values()
	if err != nil {
		return err
	}
	for _, value := range values {
		spec := value.Document()
		model := mongo.IndexModel{
			Keys:    spec.Lookup("key").Document(),
			Options: options.Index().SetName(spec.Lookup("name").StringValue()),
		}
		if spec.Lookup("unique").Boolean() {
			model.Options.SetUnique(true)
		}
		if _, err := coll.Indexes().CreateOne(ctx, model); err != nil {
			return err
		}
	}
	return nil
}
